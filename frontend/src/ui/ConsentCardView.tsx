import type { ConsentKind } from "../api/models";
import { daysLeft } from "../lib/format";
import { Badge } from "./Badge";
import { useFormat } from "./useFormat";
import { KIND_LABEL } from "./wording";
import type { CardView } from "./consentCard";

/** One live card: a bank's consent of one kind, as it moves from request to approval. */
export function ConsentCardView({
  bankId,
  bankName,
  kind,
  card,
  expiresAt,
  expiresInDays,
}: {
  bankId: string;
  bankName: string;
  kind: ConsentKind;
  card: CardView;
  expiresAt?: string | null | undefined;
  expiresInDays?: number | null | undefined;
}) {
  const format = useFormat();
  return (
    <li className={`consent-card consent-card--${card.state}`} data-testid={`consent-card-${bankId}-${kind}`} data-state={card.state}>
      <div className="consent-card__head">
        <span className="consent-card__kind">{KIND_LABEL[kind]}</span>
        <Badge tone={card.tone} testId="consent-card-state">
          {card.state === "requesting" && <span className="spinner spinner--small" aria-hidden="true" />}
          {card.label}
        </Badge>
      </div>
      {card.detail && <p className="consent-card__detail">{card.detail}</p>}
      {card.state === "approved" && expiresAt && (
        <p className="consent-card__detail">
          Действует до {format.date(expiresAt)}
          {expiresInDays !== null && expiresInDays !== undefined && ` (${daysLeft(expiresInDays)})`}
        </p>
      )}
      {card.approvalUrl && (
        <a
          className="button button--primary"
          href={card.approvalUrl}
          target="_blank"
          rel="noopener noreferrer"
          data-testid={`approve-link-${bankId}`}
        >
          Открыть {bankName}
          <span className="visually-hidden"> (в новой вкладке)</span>
        </a>
      )}
    </li>
  );
}
