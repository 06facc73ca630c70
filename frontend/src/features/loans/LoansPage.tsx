import { Link } from "react-router";
import type { Loan } from "../../api/models";
import { useBankNames, useDashboard } from "../../api/queries";
import { PATHS, paymentPath } from "../../lib/links";
import { Badge } from "../../ui/Badge";
import { ErrorView } from "../../ui/ErrorView";
import { StaleBanners } from "../../ui/StaleBanners";
import { Empty, Skeleton } from "../../ui/States";
import { useFormat, type Format } from "../../ui/useFormat";

const SOURCE: Readonly<Record<Loan["payment_source"], string>> = {
  override: "вы указали сами",
  schedule: "по графику банка",
  bank: "сообщил банк",
  observed: "по прошлым платежам",
  annuity_estimate: "расчёт по ставке и сроку",
  unknown: "неизвестен",
};

/** Every loan: bank, rate, what is owed, the next payment, and buttons to pay it or pay extra. */
export function LoansPage() {
  const answer = useDashboard();
  const names = useBankNames();
  const format = useFormat();
  if (answer.isPending) return <Skeleton lines={8} label="Загружаем кредиты…" />;
  if (answer.isError) return <ErrorView error={answer.error} onRetry={() => void answer.refetch()} />;
  const { debt, daily_plan: plan, notes } = answer.data.dashboard;
  return (
    <div className="page" data-testid="loans-page">
      <h1 className="page__title">Кредиты</h1>
      <StaleBanners freshness={answer.data.freshness} />
      {debt.loans.length === 0 ? (
        <Empty testId="loans-empty">
          Кредитов нет — платить по ним ничего не нужно. {debt.cards.length > 0 && <Link to={PATHS.cards}>Долги по кредитным картам</Link>}
        </Empty>
      ) : (
        <>
          <section className="card" aria-label="Итого">
            <dl className="facts-grid">
              <div>
                <dt>Всего по кредитам</dt>
                <dd data-testid="loans-total">{format.money(debt.loans_total)}</dd>
              </div>
              <div>
                <dt>Платежи в месяц (кредиты и карты)</dt>
                <dd>{format.money(debt.monthly_payments)}</dd>
              </div>
              <div>
                <dt>Просрочено</dt>
                <dd className={Number(debt.overdue_total) > 0 ? "danger" : undefined}>{format.money(debt.overdue_total)}</dd>
              </div>
            </dl>
            <p className="muted small">
              <Link to={PATHS.plan}>План погашения и рефинансирование</Link>
            </p>
          </section>
          <ul className="items">
            {debt.loans.map((loan) => (
              <LoanItem key={`${loan.bank_id}/${loan.agreement_id}`} loan={loan} bank={names[loan.bank_id] ?? loan.bank_id} format={format} adpTarget={plan.adp_target} />
            ))}
          </ul>
        </>
      )}
      {notes.length > 0 && (
        <section className="card" aria-labelledby="notes-title">
          <h2 id="notes-title">Замечания к данным банков</h2>
          <ul>
            {notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

function LoanItem({ loan, bank, format, adpTarget }: { loan: Loan; bank: string; format: Format; adpTarget: string | null | undefined }) {
  const ref = `${loan.bank_id}/${loan.agreement_id}`;
  const overdue = Number(loan.overdue) > 0;
  const open = Number(loan.outstanding) > 0;
  return (
    <li className="card" data-testid={`loan-${loan.agreement_id}`}>
      <div className="item__head">
        <p className="item__name">{loan.name}</p>
        <span className="muted">
          {bank}
          {loan.masked_account_number && ` · счёт ${loan.masked_account_number}`}
        </span>
      </div>
      {overdue && (
        <p className="hero__warn" role="note" data-testid="loan-overdue">
          Просрочено {format.money(loan.overdue, loan.currency)} — заплатите как можно скорее, чтобы не копились пени.
        </p>
      )}
      <dl className="facts-grid">
        <div>
          <dt>Осталось выплатить</dt>
          <dd data-testid="loan-outstanding">{format.money(loan.outstanding, loan.currency)}</dd>
        </div>
        <div>
          <dt>Ставка</dt>
          <dd>{loan.rate ? format.percent(loan.rate, 2) : "банк не сообщил"}</dd>
        </div>
        <div>
          <dt>Следующий платёж</dt>
          <dd data-testid="loan-next">
            {loan.next_payment_amount ? format.money(loan.next_payment_amount, loan.currency) : "сумма неизвестна"}
            {loan.next_payment_date && <span className="muted"> · {format.day(loan.next_payment_date)}</span>}
          </dd>
        </div>
        <div>
          <dt>Платёж в месяц</dt>
          <dd>
            {loan.monthly_payment ? format.money(loan.monthly_payment, loan.currency) : "—"}{" "}
            <Badge tone={loan.estimated ? "info" : "ok"}>{loan.estimated ? `оценка: ${SOURCE[loan.payment_source]}` : SOURCE[loan.payment_source]}</Badge>
          </dd>
        </div>
        <div>
          <dt>Осталось месяцев</dt>
          <dd>{loan.remaining_months ?? "—"}</dd>
        </div>
        <div>
          <dt>Погашение до</dt>
          <dd>{loan.maturity_date ? format.day(loan.maturity_date) : "—"}</dd>
        </div>
      </dl>
      {loan.outstanding_is_principal && <p className="muted small">Банк не сообщил текущий остаток: показана сумма кредита по договору.</p>}
      {open && (
        <div className="actions">
          <Link className="button button--primary" to={paymentPath("mdp", loan, loan.next_payment_amount)} data-testid="loan-pay-mdp">
            Внести платёж
          </Link>
          <Link className="button button--secondary" to={paymentPath("adp", loan)} data-testid="loan-pay-adp">
            Погасить досрочно
          </Link>
          {adpTarget === ref && <span className="muted small">FinPulse советует гасить досрочно этот кредит первым.</span>}
        </div>
      )}
    </li>
  );
}
