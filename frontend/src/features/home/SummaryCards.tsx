import { Link } from "react-router";
import type { Dashboard, DashboardResponse } from "../../api/models";
import { PATHS } from "../../lib/links";
import { Badge } from "../../ui/Badge";
import type { Format } from "../../ui/useFormat";

/** Cash at every bank (available balances of current accounts and debit cards), and each bank's freshness. */
export function CashCard({
  dashboard,
  freshness,
  names,
  format,
}: {
  dashboard: Dashboard;
  freshness: DashboardResponse["freshness"];
  names: Readonly<Record<string, string>>;
  format: Format;
}) {
  const stale = new Map(freshness.map((f) => [f.bank_id, f]));
  return (
    <section className="card" aria-labelledby="cash-title" data-testid="cash">
      <header className="card__header">
        <h2 id="cash-title">Деньги</h2>
        <Link to={PATHS.accounts}>Счета и операции</Link>
      </header>
      <p className="figure" data-testid="cash-total">
        {format.money(dashboard.cash.total)}
      </p>
      <p className="muted small">На текущих счетах и дебетовых картах, доступный остаток.</p>
      <ul className="rows">
        {dashboard.cash.by_bank.map((bank) => {
          const f = stale.get(bank.bank_id);
          return (
            <li key={bank.bank_id} className="row" data-testid={`home-bank-${bank.bank_id}`}>
              <span>{names[bank.bank_id] ?? bank.bank_id}</span>
              {f?.stale && f.last_success_at && (
                <Badge tone="warn" testId="home-stale">
                  Данные на {format.dateTime(f.last_success_at)}
                </Badge>
              )}
              <span className="row__amount" data-testid="bank-cash">
                {format.money(bank.amount)}
              </span>
            </li>
          );
        })}
      </ul>
      {dashboard.cash.foreign_unconverted.map((c) => (
        <p key={c.currency} className="muted small">
          Ещё {format.money(c.amount, c.currency)} — не пересчитано в рубли и не входит в сумму.
        </p>
      ))}
    </section>
  );
}

/** All debt (loans and the used part of cards, never their limits), with a way to the loans. */
export function DebtCard({ dashboard, format }: { dashboard: Dashboard; format: Format }) {
  const debt = dashboard.debt;
  const none = debt.loans.length === 0 && debt.cards.length === 0;
  return (
    <section className="card" aria-labelledby="debt-title" data-testid="debt">
      <header className="card__header">
        <h2 id="debt-title">Долги</h2>
        {!none && <Link to={PATHS.loans}>Кредиты</Link>}
      </header>
      <p className="figure" data-testid="debt-total">
        {format.money(debt.total)}
      </p>
      {none ? (
        <p className="muted" data-testid="debt-none">
          Кредитов и долгов по картам нет.
        </p>
      ) : (
        <dl className="pairs">
          <div>
            <dt>Кредиты</dt>
            <dd>{format.money(debt.loans_total)}</dd>
          </div>
          <div>
            <dt>Кредитные карты</dt>
            <dd>
              <Link to={PATHS.cards}>{format.money(debt.cards_used_total)}</Link>
            </dd>
          </div>
          <div>
            <dt>Платежи в месяц</dt>
            <dd>{format.money(debt.monthly_payments)}</dd>
          </div>
          {Number(debt.overdue_total) > 0 && (
            <div className="pairs__danger">
              <dt>Просрочено</dt>
              <dd data-testid="debt-overdue">{format.money(debt.overdue_total)}</dd>
            </div>
          )}
        </dl>
      )}
    </section>
  );
}
