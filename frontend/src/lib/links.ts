/**
 * Links between screens that features share without importing each other: the payment form is
 * opened pre-filled with the kind, the target (a loan, card or deposit: `bank/agreement`) and,
 * when the dashboard proposes one, the amount.
 */
export type PaymentKind = "mdp" | "adp" | "sdp";

/** What a payment goes to: a loan, card or deposit (agreement) or a savings account (account). */
export interface PaymentTarget {
  readonly bank_id: string;
  readonly agreement_id?: string | null;
  readonly account_id?: string | null;
}

/** The dashboard names agreements `bank/agreement` (e.g. the ADP target). */
export function targetOf(ref: string | null | undefined): PaymentTarget | undefined {
  if (!ref) return undefined;
  const [bank_id, ...rest] = ref.split("/");
  return bank_id && rest.length ? { bank_id, agreement_id: rest.join("/") } : undefined;
}

export function paymentPath(kind: PaymentKind, target?: PaymentTarget, amount?: string | null): string {
  const query = new URLSearchParams({ kind });
  if (target) {
    query.set("bank", target.bank_id);
    if (target.agreement_id) query.set("agreement", target.agreement_id);
    if (target.account_id) query.set("account", target.account_id);
  }
  if (amount && Number(amount) > 0) query.set("amount", amount);
  return `/payments/new?${query.toString()}`;
}

export const PATHS = {
  home: "/",
  accounts: "/accounts",
  loans: "/loans",
  savings: "/savings",
  cards: "/cards",
  timeline: "/timeline",
  spending: "/spending",
  plan: "/plan",
  payments: "/payments",
  profile: "/profile",
  connections: "/connections",
} as const;
