import { Link, useParams } from "react-router";
import type { PaymentView } from "../../api/models";
import { useBankNames, useDashboard, usePayment } from "../../api/queries";
import { PATHS } from "../../lib/links";
import { Badge } from "../../ui/Badge";
import { ErrorView } from "../../ui/ErrorView";
import { Skeleton } from "../../ui/States";
import { useFormat } from "../../ui/useFormat";
import { KIND, STATUS, refusal } from "./wording";

/** One payment, followed live until it is final: what it is waiting for, and what happened. */
export function PaymentStatusPage() {
  const { paymentId = "" } = useParams();
  const payment = usePayment(paymentId);
  const names = useBankNames();
  const format = useFormat();
  if (payment.isPending) return <Skeleton lines={6} label="Загружаем платёж…" />;
  if (payment.isError) return <ErrorView error={payment.error} onRetry={() => void payment.refetch()} />;
  const p = payment.data;
  const status = STATUS[p.status];
  return (
    <div className="page" data-testid="payment-status-page">
      <h1 className="page__title">{KIND[p.kind].title}</h1>
      <section className="card" aria-labelledby="status-title" aria-live="polite" data-testid="payment-status" data-status={p.status}>
        <header className="card__header">
          <h2 id="status-title">
            <Badge tone={status.tone} testId="payment-status-label">
              {status.label}
            </Badge>
          </h2>
          {!p.final && <span className="spinner spinner--small" aria-hidden="true" />}
        </header>
        <p>{status.explain}</p>
        {p.status === "awaiting_approval" && p.approval_url && (
          <a className="button button--primary" href={p.approval_url} target="_blank" rel="noreferrer noopener" data-testid="payment-approve-link">
            Подтвердить в приложении {names[p.debtor.bank_id] ?? "банка"}
          </a>
        )}
        {p.failure && (
          <p className="hero__warn" data-testid="payment-failure">
            {refusal(p.failure.code, p.failure.message)}
          </p>
        )}
        <dl className="facts-grid">
          <div>
            <dt>Сумма</dt>
            <dd className="figure" data-testid="payment-amount-shown">
              {format.money(p.amount, p.currency)}
            </dd>
          </div>
          <div>
            <dt>Откуда</dt>
            <dd>
              {names[p.debtor.bank_id] ?? p.debtor.bank_id} {p.debtor.masked_number}
            </dd>
          </div>
          <div>
            <dt>Куда</dt>
            <dd>
              {p.creditor.name || "—"} · {names[p.creditor.bank_id] ?? p.creditor.bank_id} {p.creditor.masked_number}
            </dd>
          </div>
          <div>
            <dt>В выписке банка</dt>
            <dd className="mono small">{p.reference}</dd>
          </div>
        </dl>
        {p.status === "completed" && <TargetAfter payment={p} />}
        <History payment={p} />
        <div className="actions">
          <Link className="button button--secondary" to={PATHS.payments}>
            Все платежи
          </Link>
          <Link className="button button--ghost" to={PATHS.home}>
            На главную
          </Link>
        </div>
      </section>
    </div>
  );
}

/** The loan or deposit this payment went to, as the dashboard shows it now (updated as banks re-sync). */
function TargetAfter({ payment }: { payment: PaymentView }) {
  const dashboard = useDashboard();
  const format = useFormat();
  const d = dashboard.data?.dashboard;
  if (!d || !payment.creditor.agreement_id) return null;
  const ref = `${payment.creditor.bank_id}/${payment.creditor.agreement_id}`;
  const loan = [...d.debt.loans, ...d.debt.cards].find((l) => `${l.bank_id}/${l.agreement_id}` === ref);
  if (!loan) return null;
  const owed = "outstanding" in loan ? loan.outstanding : loan.used;
  return (
    <p className="next-action" data-testid="payment-target-after">
      «{loan.name}»: осталось выплатить {format.money(owed)}
      {dashboard.isFetching && <span className="muted"> · обновляем…</span>}
    </p>
  );
}

function History({ payment }: { payment: PaymentView }) {
  const format = useFormat();
  return (
    <div>
      <h3 className="chart__title">Ход платежа</h3>
      <ol className="small" data-testid="payment-history">
        {payment.history.map((h, i) => (
          <li key={`${h.at}-${i}`}>
            {format.dateTime(h.at)} — {STATUS[h.status].label}
            {h.raw_status && <span className="muted"> (банк: {h.raw_status})</span>}
          </li>
        ))}
      </ol>
      {payment.bank_payment_id && <p className="muted small">Номер платежа в банке: <span className="mono">{payment.bank_payment_id}</span></p>}
    </div>
  );
}
