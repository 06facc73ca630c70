import { Link } from "react-router";
import type { AccountView, BankFreshness } from "../../api/models";
import { useAccounts, useBankNames } from "../../api/queries";
import { Badge } from "../../ui/Badge";
import { ErrorView } from "../../ui/ErrorView";
import { Empty, Skeleton } from "../../ui/States";
import { useFormat } from "../../ui/useFormat";

const KIND: Readonly<Record<string, string>> = {
  current: "Текущий счёт",
  debit_card: "Дебетовая карта",
  savings: "Накопительный счёт",
  deposit: "Вклад",
  loan: "Кредитный счёт",
  credit_card: "Кредитная карта",
  other: "Счёт",
};

/** Accounts at every connected bank with both balances, and each bank's freshness. */
export function HomePage() {
  const accounts = useAccounts();
  const names = useBankNames();
  const format = useFormat();

  if (accounts.isPending) return <Skeleton lines={6} label="Загружаем счета…" />;
  if (accounts.isError) return <ErrorView error={accounts.error} onRetry={() => void accounts.refetch()} />;
  const byBank = new Map<string, AccountView[]>();
  for (const account of accounts.data.accounts) byBank.set(account.bank_id, [...(byBank.get(account.bank_id) ?? []), account]);
  const freshness = new Map(accounts.data.freshness.map((f) => [f.bank_id, f]));

  return (
    <div className="page" data-testid="home">
      <h1 className="page__title">Ваши счета</h1>
      {byBank.size === 0 && (
        <Empty testId="home-empty">
          Пока нет данных ни из одного банка. <Link to="/connections">Подключите банк</Link> или обновите данные.
        </Empty>
      )}
      {[...byBank].map(([bankId, list]) => (
        <section key={bankId} className="card" aria-labelledby={`home-${bankId}`} data-testid={`home-bank-${bankId}`}>
          <header className="card__header">
            <h2 id={`home-${bankId}`}>{names[bankId] ?? bankId}</h2>
            <FreshnessBadge freshness={freshness.get(bankId)} relative={format.relative} dateTime={format.dateTime} />
          </header>
          <ul className="accounts">
            {list.map((account) => (
              <li key={account.account_id} className="account-row" data-testid="account-row">
                <div>
                  <p className="account-row__name">{KIND[account.kind] ?? "Счёт"}</p>
                  <p className="muted">
                    {[account.masked_number, account.nickname].filter(Boolean).join(" · ")}
                  </p>
                </div>
                <div className="account-row__money">
                  {account.available && (
                    <p className="account-row__amount">{format.money(account.available.amount, account.available.currency)}</p>
                  )}
                  {account.booked && account.booked.amount !== account.available?.amount && (
                    <p className="muted">по выписке {format.money(account.booked.amount, account.booked.currency)}</p>
                  )}
                </div>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

function FreshnessBadge({
  freshness,
  relative,
  dateTime,
}: {
  freshness: BankFreshness | undefined;
  relative: (v: string) => string;
  dateTime: (v: string) => string;
}) {
  if (!freshness?.last_success_at) return null;
  if (freshness.stale) {
    return (
      <Badge tone="warn" testId="home-stale">
        Данные на {dateTime(freshness.last_success_at)}
      </Badge>
    );
  }
  return <span className="card__meta">обновлено {relative(freshness.last_success_at)}</span>;
}
