import type { AccountView } from "../api/models";

/** Account kinds a payment can be made from. */
export const PAYABLE: ReadonlySet<string> = new Set(["current", "savings"]);

/** The account to pay from: one that can pay the amount, at the target's bank if one can; else the richest. */
export function defaultDebtor(accounts: readonly AccountView[], bankId: string | undefined, amount: number): AccountView | undefined {
  const payable = accounts.filter((a) => PAYABLE.has(a.kind) && a.enabled);
  const money = (a: AccountView) => Number(a.available?.amount ?? 0);
  const richest = (list: AccountView[]) => [...list].sort((a, b) => money(b) - money(a))[0];
  const enough = payable.filter((a) => money(a) >= amount && money(a) > 0);
  return richest(enough.filter((a) => a.bank_id === bankId)) ?? richest(enough) ?? richest(payable);
}
