import { Link, useParams } from "react-router";
import { quoted } from "../../lib/text";
import type { AgreementAction } from "../../api/models";
import { useAgreementAction, useBankNames } from "../../api/queries";
import { PATHS } from "../../lib/links";
import { Badge } from "../../ui/Badge";
import { ErrorView } from "../../ui/ErrorView";
import { Skeleton } from "../../ui/States";
import { useFormat } from "../../ui/useFormat";
import { ACTION_STATUS, actionExplained } from "./wording";

/** One deposit opened or closed: followed until final; the new deposit with its account number. */
export function AgreementActionPage() {
  const { actionId = "" } = useParams();
  const action = useAgreementAction(actionId);
  if (action.isPending) return <Skeleton lines={5} label="Загружаем…" />;
  if (action.isError) return <ErrorView error={action.error} onRetry={() => void action.refetch()} />;
  const a = action.data;
  return (
    <div className="page" data-testid="agreement-action" data-status={a.status} data-kind={a.kind}>
      <h1 className="page__title">{a.kind === "open" ? "Открытие вклада" : "Закрытие вклада"}</h1>
      <section className="card" aria-labelledby="action-title" aria-live="polite">
        <header className="card__header">
          <h2 id="action-title">{quoted(a.product_name)}</h2>
          <Badge tone={ACTION_STATUS[a.status].tone} testId="action-status">
            {ACTION_STATUS[a.status].label}
          </Badge>
        </header>
        {a.status === "completed" ? <Done a={a} /> : <p className={a.final ? "hero__warn" : "muted"}>{actionExplained(a)}</p>}
        <div className="actions">
          <Link className="button button--primary" to={PATHS.savings} data-testid="action-to-savings">
            К накоплениям
          </Link>
          <Link className="button button--ghost" to={PATHS.products}>
            Другие вклады
          </Link>
        </div>
      </section>
    </div>
  );
}

function Done({ a }: { a: AgreementAction }) {
  const names = useBankNames();
  const format = useFormat();
  const bank = names[a.bank_id] ?? a.bank_id;
  const opened = a.kind === "open";
  return (
    <>
      <p data-testid="action-done">
        {opened
          ? `Вклад открыт в ${bank}.${a.synced ? " Он уже в «Накоплениях» и считается в вашей цели." : " Он появится в «Накоплениях» после синхронизации с банком."}`
          : `Вклад закрыт, деньги вернулись на счёт ${a.account.masked_number} в ${bank}.`}
      </p>
      <dl className="facts-grid" data-testid="action-facts">
        {opened && (
          <div>
            <dt>Номер счёта вклада</dt>
            <dd className="mono" data-testid="action-account-number">{a.masked_account_number ?? a.agreement?.masked_account_number ?? "банк не сообщил"}</dd>
          </div>
        )}
        <div>
          <dt>{opened ? "Вложено" : "Вернулось"}</dt>
          <dd className="figure" data-testid="action-amount">{a.amount ? format.money(a.amount, a.currency) : "—"}</dd>
        </div>
        {opened && a.rate && (
          <div>
            <dt>Ставка</dt>
            <dd>{format.percent(a.rate, 2)} годовых</dd>
          </div>
        )}
        {opened && a.maturity_date && (
          <div>
            <dt>Срок</dt>
            <dd>
              до {format.day(a.maturity_date)}
              {a.interest_at_maturity && <span className="muted"> · проценты {format.money(a.interest_at_maturity, a.currency)}</span>}
            </dd>
          </div>
        )}
        <div>
          <dt>{opened ? "Списано со счёта" : "Зачислено на счёт"}</dt>
          <dd>
            {names[a.account.bank_id] ?? a.account.bank_id} {a.account.masked_number}
          </dd>
        </div>
      </dl>
    </>
  );
}
