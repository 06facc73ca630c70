/**
 * What one consent card (bank × kind) shows during onboarding, from the `init` answer this
 * screen got and the consent as `GET /api/consents/status` reports it now. Pure, so every
 * transition is tested: requesting → pending → approved, failed → retry, rejected, expired.
 */
import type { ConsentView, InitResult } from "../api/models";
import type { Tone } from "./Badge";
import { bankErrorText } from "./wording";

export type CardState =
  | "requesting"
  | "pending"
  | "approved"
  | "rejected"
  | "failed"
  | "revoked"
  | "expired"
  | "not_requested";

export interface CardView {
  readonly state: CardState;
  readonly tone: Tone;
  readonly label: string;
  readonly detail?: string;
  readonly approvalUrl?: string;
  /** "Повторить" for this bank alone. */
  readonly canRetry: boolean;
}

export interface CardInput {
  readonly requesting: boolean;
  readonly result?: InitResult | undefined;
  /** The consent in use (or the latest one) for this bank and kind. */
  readonly view?: ConsentView | null | undefined;
}

export function consentCard({ requesting, result, view }: CardInput): CardView {
  if (requesting) return { state: "requesting", tone: "info", label: "Отправляем запрос в банк…", canRetry: false };
  if (result?.outcome === "failed" && view?.status !== "approved") {
    const detail = result.error ? bankErrorText(result.error) : "Банк не ответил.";
    return { state: "failed", tone: "danger", label: "Не удалось подключить", detail, canRetry: true };
  }
  const consent = view ?? result?.consent ?? null;
  switch (consent?.status) {
    case "approved":
      return { state: "approved", tone: "ok", label: "Подключено", canRetry: false };
    case "pending":
      return {
        state: "pending",
        tone: "warn",
        label: "Подтвердите в приложении банка",
        detail: "Откройте банк, войдите и нажмите «Подтвердить». Карточка обновится сама.",
        ...(consent.approval_url ? { approvalUrl: consent.approval_url } : {}),
        canRetry: false,
      };
    case "rejected":
      return { state: "rejected", tone: "danger", label: "Отклонено в банке", canRetry: true };
    case "revoked":
      return { state: "revoked", tone: "muted", label: "Отозвано", canRetry: true };
    case "expired":
      return { state: "expired", tone: "muted", label: "Срок согласия истёк", canRetry: true };
    default:
      return { state: "not_requested", tone: "muted", label: "Ещё не запрошено", canRetry: true };
  }
}
