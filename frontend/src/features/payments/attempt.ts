/** One payment attempt (lib/attempt): the quoted body and its Idempotency-Key, kept in the tab. */
import type { PayAttempt } from "../../api/queries";
import type { PaymentKindName, PaymentRequest, PaymentQuote } from "../../api/models";
import { ATTEMPT_TTL_MS, attemptStore, newKey, type StoredOf } from "../../lib/attempt";

export const ATTEMPT_KEY = "finpulse.payment.attempt.v1";
export { ATTEMPT_TTL_MS };

export type StoredAttempt = StoredOf<PayAttempt, PaymentQuote>;

const attempts = attemptStore<PayAttempt, PaymentQuote>(ATTEMPT_KEY);

export function newAttempt(kind: PaymentKindName, body: PaymentRequest, uuid: () => string = newKey): PayAttempt {
  return { kind, key: uuid(), body };
}

/** The body to pay: exactly what was quoted, with the amount the quote resolved (a default too). */
export function payBody(request: PaymentRequest, quote: PaymentQuote): PaymentRequest {
  return { ...request, ...(quote.amount ? { amount: quote.amount } : {}) };
}

export const loadAttempt = attempts.load;
export const saveAttempt = attempts.save;
export const clearAttempt = attempts.clear;

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
