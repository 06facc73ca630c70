/** Pure rules of the connections page: what each consent offers and what revoking it deletes. */
import type { BankFreshness, BankHealth, ConsentKind, ConsentView, InitRequest, PaymentLimits } from "../../api/models";

export type Action = "renew" | "reconnect" | "connect" | "revoke";

/** The buttons a consent kind offers, in order. */
export function actionsFor(kind: ConsentKind, current: ConsentView | null | undefined, renewal: ConsentView | null | undefined): Action[] {
  if (!current) return kind === "payments" ? [] : ["connect"];
  const actions: Action[] = [];
  if (current.status === "approved" && current.near_expiry && !renewal) actions.push("renew");
  if (["revoked", "expired", "rejected"].includes(current.status) && (kind !== "payments" || hasLimits(current))) {
    actions.push("reconnect");
  }
  if (current.status === "approved" || current.status === "pending") actions.push("revoke");
  return actions;
}

const hasLimits = (view: ConsentView): boolean => typeof view.options?.debtor_account === "string";

/** The `init` body that (re)connects or renews one kind at one bank, with the options it had. */
export function initBodyFor(bankId: string, kind: ConsentKind, previous: ConsentView | null | undefined, renew: boolean): InitRequest {
  const body: InitRequest = {
    banks: [
      {
        bank_id: bankId,
        include_products: kind === "products",
        include_payments: kind === "payments",
        ...(kind === "payments" && previous ? { payment_limits: previous.options as unknown as PaymentLimits } : {}),
      },
    ],
    include_accounts: kind === "accounts",
    // Renewing or reconnecting keeps the product rights granted (open, close, types, cap).
    ...(kind === "products" && previous ? { products: previous.options as NonNullable<InitRequest["products"]> } : {}),
    renew,
  };
  return body;
}

/** A pending replacement asks for other rights than the consent in use (not a plain renewal). */
export const changesRights = (current: ConsentView | null | undefined, renewal: ConsentView | null | undefined): boolean =>
  Boolean(current && renewal && JSON.stringify(current.options) !== JSON.stringify(renewal.options));

/** What the confirmation says will be deleted when this kind is revoked. */
export function revokeWarning(kind: ConsentKind, bankName: string): string {
  switch (kind) {
    case "accounts":
      return `FinPulse удалит счета, остатки, карты и все операции из ${bankName} и перестанет их обновлять.`;
    case "products":
      return `FinPulse удалит кредиты, вклады и карточные договоры из ${bankName} и перестанет их обновлять.`;
    case "payments":
      return `FinPulse больше не сможет проводить платежи из ${bankName}. Данные о счетах останутся.`;
  }
}

export interface FreshnessLine {
  readonly tone: "ok" | "warn" | "muted";
  readonly text: string;
}

/** "обновлено 5 минут назад", or stale with the last good time and the error. */
export function freshnessLine(
  freshness: BankFreshness | undefined,
  format: { relative: (v: string) => string; dateTime: (v: string) => string },
  errorText: (e: { code: string; message: string }) => string,
): FreshnessLine {
  if (!freshness || freshness.status === "never_synced") return { tone: "muted", text: "Данные ещё не загружались." };
  if (freshness.status === "fresh" && freshness.last_success_at) {
    return { tone: "ok", text: `Данные обновлены ${format.relative(freshness.last_success_at)}.` };
  }
  const when = freshness.last_success_at ? `на ${format.dateTime(freshness.last_success_at)}` : "";
  const why = freshness.error ? ` Последняя попытка: ${errorText(freshness.error)}` : "";
  return { tone: "warn", text: `Показаны данные ${when}: банк не отдал новые.${why}`.replace("данные :", "данные:") };
}

/** The bank's own health from the status log of its calls. */
export function healthLine(health: BankHealth | undefined, format: { relative: (v: string) => string }): FreshnessLine | null {
  if (!health) return null;
  if (health.degraded) {
    const last = health.last_error_at ? ` Последняя ошибка ${format.relative(health.last_error_at)}.` : "";
    return { tone: "warn", text: `Банк отвечает с перебоями.${last}` };
  }
  if (health.last_success_at) return { tone: "ok", text: `Банк отвечает: последний ответ ${format.relative(health.last_success_at)}.` };
  return null;
}
