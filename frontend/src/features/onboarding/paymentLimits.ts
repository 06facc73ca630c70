import type { PaymentLimits } from "../../api/models";

/** What the person fills in for a payment consent; amounts as typed (₽). */
export interface LimitsDraft {
  readonly debtorAccount: string;
  readonly maxUses: string;
  readonly perPayment: string;
  readonly total: string;
}

// Enough for a month of loan payments and savings top-ups, small enough to limit any mistake.
export const DEFAULT_LIMITS: LimitsDraft = { debtorAccount: "", maxUses: "10", perPayment: "50000", total: "200000" };

export type LimitsErrors = Partial<Record<keyof LimitsDraft, string>>;

const amount = (text: string): number => Number(text.replace(/\s+/g, "").replace(",", "."));

export function validateLimits(draft: LimitsDraft): LimitsErrors {
  const errors: LimitsErrors = {};
  if (!/^[0-9A-Za-z]{5,34}$/.test(draft.debtorAccount.replace(/\s+/g, ""))) {
    errors.debtorAccount = "Номер счёта: от 5 до 34 цифр или латинских букв, без пробелов.";
  }
  const uses = Number(draft.maxUses);
  if (!Number.isInteger(uses) || uses < 1 || uses > 1000) errors.maxUses = "Целое число от 1 до 1000.";
  const per = amount(draft.perPayment);
  const total = amount(draft.total);
  if (!(per > 0) || per > 100_000_000) errors.perPayment = "Сумма больше нуля, до 100 000 000 ₽.";
  if (!(total > 0) || total > 100_000_000) errors.total = "Сумма больше нуля, до 100 000 000 ₽.";
  else if (per > total) errors.total = "Общая сумма не может быть меньше суммы одного платежа.";
  return errors;
}

/** The API's multi-use payment consent: up to N payments, each and all together within limits. */
export function toPaymentLimits(draft: LimitsDraft): PaymentLimits {
  return {
    consent_type: "multi_use",
    debtor_account: draft.debtorAccount.replace(/\s+/g, ""),
    max_uses: Number(draft.maxUses),
    max_amount_per_payment: amount(draft.perPayment).toFixed(2),
    max_total_amount: amount(draft.total).toFixed(2),
    currency: "RUB",
  };
}
