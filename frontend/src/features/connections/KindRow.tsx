import type { ConsentKind, KindStateView } from "./types";
import { daysLeft } from "../../lib/format";
import { Badge } from "../../ui/Badge";
import { useFormat } from "../../ui/useFormat";
import { KIND_LABEL, consentStatus } from "../../ui/wording";
import { rightsLines, rightsOf } from "../../lib/productRights";
import { ProductRightsRequest } from "../../ui/ProductRightsRequest";
import { actionsFor, changesRights, type Action } from "./connection";
import { DataRemoved } from "../../ui/DataRemoved";

const ACTION_LABEL: Record<Action, string> = {
  renew: "Продлить",
  reconnect: "Подключить снова",
  connect: "Подключить",
  revoke: "Отозвать",
};

/** One consent kind at one bank: status, expiry with days left, and what can be done with it. */
export function KindRow({
  bankId,
  bankName,
  kind,
  state,
  busy,
  onAction,
}: {
  bankId: string;
  bankName: string;
  kind: ConsentKind;
  state: KindStateView;
  busy: boolean;
  onAction: (action: Action) => void;
}) {
  const format = useFormat();
  const current = state.current ?? null;
  const renewal = state.renewal ?? null;
  const status = current ? consentStatus(current.status) : { label: "Не подключено", tone: "muted" as const };
  const rights = rightsOf(current);
  return (
    <li className="kind-row" data-testid={`kind-${bankId}-${kind}`} data-status={current?.status ?? "none"}>
      <div className="kind-row__main">
        <span className="kind-row__label">{KIND_LABEL[kind]}</span>
        <Badge tone={current?.near_expiry ? "warn" : status.tone} testId="kind-status">
          {current?.near_expiry ? "Скоро истекает" : status.label}
        </Badge>
      </div>
      {current?.status === "approved" && current.expires_at && (
        <p className="kind-row__meta" data-testid="kind-expiry">
          До {format.date(current.expires_at)}
          {current.expires_in_days !== null && current.expires_in_days !== undefined && ` · ${daysLeft(current.expires_in_days)}`}
        </p>
      )}
      {current?.near_expiry && !renewal && (
        <p className="kind-row__warn" data-testid="near-expiry-warning">
          Согласие скоро закончится, и данные перестанут обновляться. Продлите его — банк спросит подтверждение.
        </p>
      )}
      {kind === "products" && rights && (
        <ul className="rights-lines small" data-testid="kind-rights">
          {rightsLines(rights, (v) => format.money(v)).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      {renewal?.status === "pending" && (
        <p className="kind-row__meta" data-testid="renewal-pending">
          {changesRights(current, renewal) ? "Новые права ждут подтверждения в банке; пока действуют прежние." : "Продление ждёт подтверждения в банке."}{" "}
          {renewal.approval_url && (
            <a href={renewal.approval_url} target="_blank" rel="noopener noreferrer">
              Открыть банк<span className="visually-hidden"> (в новой вкладке)</span>
            </a>
          )}
        </p>
      )}
      {current?.status === "pending" && current.approval_url && (
        <p className="kind-row__meta">
          <a href={current.approval_url} target="_blank" rel="noopener noreferrer" data-testid={`approve-link-${bankId}-${kind}`}>
            Подтвердите в приложении банка<span className="visually-hidden"> (в новой вкладке)</span>
          </a>
        </p>
      )}
      {current?.data_removal && (current.status === "revoked" || current.status === "expired") && (
        <DataRemoved consent={current} removal={current.data_removal} bankName={bankName} format={format} />
      )}
      <div className="kind-row__actions">
        {actionsFor(kind, current, renewal).map((action) => (
          <button
            key={action}
            type="button"
            className={`button ${action === "revoke" ? "button--ghost" : action === "renew" ? "button--primary" : "button--secondary"}`}
            disabled={busy}
            onClick={() => onAction(action)}
            data-testid={`${action}-${bankId}-${kind}`}
          >
            {ACTION_LABEL[action]}
          </button>
        ))}
      </div>
      {kind === "products" && rights && (
        <ProductRightsRequest bankId={bankId} bankName={bankName} label="Изменить права" testId={`rights-${bankId}`} />
      )}
    </li>
  );
}
