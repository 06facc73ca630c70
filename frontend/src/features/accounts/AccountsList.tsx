import type { AccountView, BankFreshness } from "../../api/models";
import { Badge } from "../../ui/Badge";
import type { Format } from "../../ui/useFormat";

const KIND: Readonly<Record<string, string>> = {
  current: "Текущий счёт",
  debit_card: "Дебетовая карта",
  savings: "Накопительный счёт",
  deposit: "Вклад",
  loan: "Кредитный счёт",
  credit_card: "Кредитная карта",
  other: "Счёт",
};

/** Accounts by bank, with both balances the bank reports and what each one means. */
export function AccountsList({
  accounts,
  freshness,
  names,
  format,
  onPick,
}: {
  accounts: readonly AccountView[];
  freshness: readonly BankFreshness[];
  names: Readonly<Record<string, string>>;
  format: Format;
  onPick: (bankId: string, accountId: string) => void;
}) {
  const byBank = new Map<string, AccountView[]>();
  for (const a of accounts) byBank.set(a.bank_id, [...(byBank.get(a.bank_id) ?? []), a]);
  const fresh = new Map(freshness.map((f) => [f.bank_id, f]));
  return (
    <section className="card" aria-labelledby="accounts-title" data-testid="accounts">
      <header className="card__header">
        <h2 id="accounts-title">Счета</h2>
      </header>
      <p className="muted small">
        <strong>Доступно</strong> — сколько можно потратить прямо сейчас: с учётом покупок, которые банк ещё проводит. <strong>По выписке</strong> — остаток по уже
        проведённым операциям. Это один и тот же счёт, суммы не складываются.
      </p>
      {[...byBank].map(([bankId, list]) => {
        const f = fresh.get(bankId);
        return (
          <div key={bankId} className="accounts-bank" data-testid={`accounts-bank-${bankId}`}>
            <h3 className="accounts-bank__name">
              {names[bankId] ?? bankId}{" "}
              {f?.stale && f.last_success_at && <Badge tone="warn">Данные на {format.dateTime(f.last_success_at)}</Badge>}
            </h3>
            <ul className="rows">
              {list.map((a) => (
                <li key={a.account_id} className="row" data-testid="account-row">
                  <div>
                    <p>
                      <button type="button" className="link-button" onClick={() => onPick(a.bank_id, a.account_id)} aria-label={`Показать операции: ${KIND[a.kind] ?? "Счёт"} ${a.masked_number ?? ""}`}>
                        {KIND[a.kind] ?? "Счёт"}
                      </button>
                    </p>
                    <p className="muted small">{[a.masked_number, a.nickname, a.enabled ? null : "закрыт"].filter(Boolean).join(" · ")}</p>
                  </div>
                  <dl className="balances">
                    <div>
                      <dt>Доступно</dt>
                      <dd data-testid="account-available">{a.available ? format.money(a.available.amount, a.available.currency) : "—"}</dd>
                    </div>
                    <div>
                      <dt>По выписке</dt>
                      <dd data-testid="account-booked">{a.booked ? format.money(a.booked.amount, a.booked.currency) : "—"}</dd>
                    </div>
                  </dl>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </section>
  );
}

export function accountLabel(account: AccountView | undefined): string {
  if (!account) return "";
  return [KIND[account.kind] ?? "Счёт", account.masked_number].filter(Boolean).join(" ");
}
