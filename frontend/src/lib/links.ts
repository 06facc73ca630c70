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

/** The deposit form for one product, e.g. the goal's best deposit (`bank/product`). */
export function depositOpenPath(bankId: string, productId: string, from?: "goal"): string {
  const query = new URLSearchParams({ bank: bankId, product: productId });
  if (from) query.set("from", from);
  return `/deposits/new?${query.toString()}`;
}

export function depositClosePath(bankId: string, agreementId: string): string {
  return `/deposits/close?${new URLSearchParams({ bank: bankId, agreement: agreementId }).toString()}`;
}

export const agreementActionPath = (actionId: string): string => `/deposits/actions/${actionId}`;

/** The refinance confirmation for one offer: the loan (`bank/agreement`) and the offering product. */
export function refinancePath(loanRef: string, bankId: string, productId: string): string {
  return `/refinance/new?${new URLSearchParams({ loan: loanRef, bank: bankId, product: productId }).toString()}`;
}

export const refinanceStatusPath = (id: string): string => `/refinance/${id}`;

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
  products: "/products",
  profile: "/profile",
  connections: "/connections",
} as const;
