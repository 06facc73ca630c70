import { useState } from "react";
import { Link } from "react-router";
import type { PaymentKindName, PaymentStatus, PaymentsFilters } from "../../api/models";
import { useBankNames, useBanks, usePayments } from "../../api/queries";
import { PATHS } from "../../lib/links";
import { Badge } from "../../ui/Badge";
import { ErrorView } from "../../ui/ErrorView";
import { SelectField } from "../../ui/SelectField";
import { Empty, Skeleton } from "../../ui/States";
import { useFormat } from "../../ui/useFormat";
import { KIND, STATUS } from "./wording";

/** Every payment made through FinPulse, newest first, by kind, status, bank and dates. */
export function PaymentsPage() {
  const [filters, setFilters] = useState<PaymentsFilters>({});
  const payments = usePayments(filters);
  const banks = useBanks();
  const names = useBankNames();
  const format = useFormat();
  const set = (key: keyof PaymentsFilters) => (e: React.ChangeEvent<HTMLSelectElement | HTMLInputElement>) => {
    const next: Record<string, string> = { ...(filters as Record<string, string>) };
    if (e.target.value) next[key] = e.target.value;
    else delete next[key];
    setFilters(next as PaymentsFilters);
  };
  const rows = payments.data?.pages.flatMap((p) => p.payments) ?? [];
  return (
    <div className="page" data-testid="payments-page">
      <div className="item__head">
        <h1 className="page__title">Платежи</h1>
        <Link className="button button--primary" to={`${PATHS.loans}`}>
          Оплатить кредит
        </Link>
      </div>
      <section className="card" aria-labelledby="pay-filters">
        <h2 id="pay-filters" className="visually-hidden">
          Фильтры
        </h2>
        <div className="filters" data-testid="payment-filters">
          <SelectField id="pf-kind" label="Вид" anyLabel="Все" value={filters.kind} onChange={set("kind")} testId="pf-kind" options={(Object.keys(KIND) as PaymentKindName[]).map((k) => ({ value: k, label: KIND[k].title }))} />
          <SelectField id="pf-status" label="Статус" anyLabel="Все" value={filters.status} onChange={set("status")} testId="pf-status" options={(Object.keys(STATUS) as PaymentStatus[]).map((k) => ({ value: k, label: STATUS[k].label }))} />
          <SelectField id="pf-bank" label="Банк" anyLabel="Все банки" value={filters.bank_id} onChange={set("bank_id")} testId="pf-bank" options={(banks.data?.banks ?? []).map((b) => ({ value: b.bank_id, label: b.name }))} />
          <div className="field">
            <label htmlFor="pf-from">С даты</label>
            <input id="pf-from" type="date" value={filters.from ?? ""} onChange={set("from")} />
          </div>
          <div className="field">
            <label htmlFor="pf-to">По дату</label>
            <input id="pf-to" type="date" value={filters.to ?? ""} onChange={set("to")} />
          </div>
        </div>
      </section>
      <section className="card" aria-labelledby="pay-list" data-testid="payments-list" aria-busy={payments.isFetching}>
        <h2 id="pay-list">История</h2>
        {payments.isPending && <Skeleton lines={4} label="Загружаем платежи…" />}
        {payments.isError && <ErrorView error={payments.error} onRetry={() => void payments.refetch()} />}
        {payments.data && rows.length === 0 && (
          <Empty testId="payments-empty">
            Платежей пока нет. Оплатить кредит или пополнить накопления можно со страниц <Link to={PATHS.loans}>«Кредиты»</Link> и <Link to={PATHS.savings}>«Накопления»</Link>.
          </Empty>
        )}
        <ul className="rows">
          {rows.map((p) => (
            <li key={p.payment_id} className="row" data-testid="payment-row" data-id={p.payment_id} data-status={p.status}>
              <div>
                <p>
                  <Link to={`${PATHS.payments}/${p.payment_id}`}>{KIND[p.kind].title}</Link> · {p.creditor.name || names[p.creditor.bank_id]}
                </p>
                <p className="muted small">
                  {format.dateTime(p.created_at)} · {names[p.debtor.bank_id] ?? p.debtor.bank_id} {p.debtor.masked_number} → {names[p.creditor.bank_id] ?? p.creditor.bank_id} {p.creditor.masked_number}
                </p>
              </div>
              <Badge tone={STATUS[p.status].tone}>{STATUS[p.status].label}</Badge>
              <span className="row__amount">{format.money(p.amount, p.currency)}</span>
            </li>
          ))}
        </ul>
        {payments.hasNextPage && (
          <button type="button" className="button button--secondary" onClick={() => void payments.fetchNextPage()} disabled={payments.isFetchingNextPage}>
            Показать ещё
          </button>
        )}
      </section>
    </div>
  );
}
