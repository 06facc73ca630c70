/**
 * One payment attempt: the body that was quoted and the Idempotency-Key generated for it. It is
 * kept in the tab's sessionStorage from the quote on, so a double click, a reload or a retry after
 * a network error sends the same key with the same body — and the server answers with the one
 * payment it made, never a second. Changing anything in the form is a new attempt with a new key.
 */
import type { PayAttempt } from "../../api/queries";
import type { PaymentKindName, PaymentRequest, PaymentQuote } from "../../api/models";

export const ATTEMPT_KEY = "finpulse.payment.attempt.v1";
/** A quote older than this is asked again (the balance may have changed). */
export const ATTEMPT_TTL_MS = 30 * 60_000;

export interface StoredAttempt {
  readonly attempt: PayAttempt;
  readonly quote: PaymentQuote;
  /** Confirm was pressed: on a reload the same request is sent again to learn its outcome. */
  readonly sent: boolean;
  readonly at: number;
}

type Store = Pick<Storage, "getItem" | "setItem" | "removeItem">;

export function newAttempt(kind: PaymentKindName, body: PaymentRequest, uuid: () => string = () => crypto.randomUUID()): PayAttempt {
  return { kind, key: uuid(), body };
}

/** The body to pay: exactly what was quoted, with the amount the quote resolved (a default too). */
export function payBody(request: PaymentRequest, quote: PaymentQuote): PaymentRequest {
  return { ...request, ...(quote.amount ? { amount: quote.amount } : {}) };
}

export function loadAttempt(store: Store, now: number = Date.now()): StoredAttempt | null {
  try {
    const raw = store.getItem(ATTEMPT_KEY);
    if (!raw) return null;
    const stored = JSON.parse(raw) as StoredAttempt;
    if (!stored.attempt?.key || now - stored.at > ATTEMPT_TTL_MS) {
      store.removeItem(ATTEMPT_KEY);
      return null;
    }
    return stored;
  } catch {
    store.removeItem(ATTEMPT_KEY);
    return null;
  }
}

export function saveAttempt(store: Store, attempt: PayAttempt, quote: PaymentQuote, sent: boolean, now: number = Date.now()): StoredAttempt {
  const stored: StoredAttempt = { attempt, quote, sent, at: now };
  store.setItem(ATTEMPT_KEY, JSON.stringify(stored));
  return stored;
}

export function clearAttempt(store: Store): void {
  store.removeItem(ATTEMPT_KEY);
}

/** Is the stored attempt for the payment this page was opened for (same kind and target)? */
export function attemptFits(stored: StoredAttempt, kind: string, target: PaymentRequest["target"]): boolean {
  const t = stored.attempt.body.target;
  return (
    stored.attempt.kind === kind &&
    (t?.bank_id ?? null) === (target?.bank_id ?? null) &&
    (t?.agreement_id ?? null) === (target?.agreement_id ?? null) &&
    (t?.account_id ?? null) === (target?.account_id ?? null)
  );
}
