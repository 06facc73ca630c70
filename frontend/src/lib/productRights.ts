/**
 * The rights a product-agreement consent grants at one bank (see what, open, close; which product
 * types; how much may be opened under it in total), what an action needs, and the new rights to
 * ask for so that the action becomes possible without taking away anything already granted.
 * Pure: the consent comes from `GET /api/consents/status`, the request goes to `POST /api/consents/init`.
 */
import type { ConsentView, InitRequest } from "../api/models";
import type { components } from "../api/schema";
import { parseAmount } from "./amount";

type ProductOptions = components["schemas"]["ProductOptions"];
export type ProductWord = NonNullable<ProductOptions["product_types"]>[number];

/** The words a person chooses from, in order (the banks also know `credit_card`, kept if granted). */
export const PRODUCT_WORDS: readonly ProductWord[] = ["deposit", "loan", "card", "account"];

/** "Открывать вклады", "закрывать кредиты". */
export const WORD_PLURAL: Readonly<Record<ProductWord, string>> = {
  deposit: "вклады",
  loan: "кредиты",
  card: "карты",
  credit_card: "кредитные карты",
  account: "счета",
};

export interface Rights {
  readonly open: boolean;
  readonly close: boolean;
  readonly types: readonly ProductWord[];
  /** The most that may be opened under the consent, in total (a clean decimal string), or none. */
  readonly maxAmount: string | null;
}

/** What an action needs from the consent: open or close a product of one type (for an amount). */
export interface Need {
  readonly open?: boolean;
  readonly close?: boolean;
  readonly type: ProductWord;
  readonly amount?: string | null | undefined;
}

/** The refusals a product consent with more rights (or a new one) fixes, as the API names them. */
const RIGHTS_CODES: ReadonlySet<string> = new Set([
  "PRODUCT_CONSENT_REQUIRED",
  "OPEN_NOT_GRANTED",
  "CLOSE_NOT_GRANTED",
  "PRODUCT_TYPE_NOT_ALLOWED",
  "CONSENT_MAX_AMOUNT_EXCEEDED",
]);

/**
 * Was a quote refused because a product consent lacks a right (at the bank a check names by its
 * `field`, when given)? Then the app offers to ask for it.
 */
export function consentShort(checks: readonly { name: string; ok: boolean; code?: string | null; field?: string | null }[], field?: string): boolean {
  return checks.some((c) => c.name === "product_consent" && !c.ok && RIGHTS_CODES.has(c.code ?? "") && (field === undefined || c.field === field));
}

/** The consent word for a catalog's product kind (as the API's `CONSENT_WORD`). */
export function wordForKind(kind: string): ProductWord {
  if (kind === "credit_card" || kind === "debit_card") return "card";
  return kind === "loan" || kind === "account" ? kind : "deposit";
}

const isWord = (w: unknown): w is ProductWord => typeof w === "string" && w in WORD_PLURAL;

/** The rights an approved consent grants (null: no consent in force). */
export function rightsOf(view: ConsentView | null | undefined): Rights | null {
  if (!view || view.status !== "approved") return null;
  const o = view.options ?? {};
  const types = Array.isArray(o.product_types) ? o.product_types.filter(isWord) : [];
  const max = o.max_amount === null || o.max_amount === undefined ? null : String(o.max_amount);
  return { open: o.open === true, close: o.close === true, types, maxAmount: max };
}

const bigger = (a: string | null, b: string | null | undefined): string | null => {
  if (!b) return a;
  if (!a) return b;
  return Number(b) > Number(a) ? b : a;
};

/** Does the consent already allow what the action needs (by what was granted)? */
export function covers(rights: Rights | null, need: Need): boolean {
  if (!rights) return false;
  if (need.open && !rights.open) return false;
  if (need.close && !rights.close) return false;
  if (rights.types.length > 0 && !rights.types.includes(need.type) && !(need.type === "card" && rights.types.includes("credit_card"))) return false;
  return !(need.open && need.amount && rights.maxAmount && Number(need.amount) > Number(rights.maxAmount));
}

/**
 * The rights to ask for: everything already granted plus what the action needs. The new consent
 * counts what is opened under it from zero, so its cap is the larger of the old cap and the amount.
 */
export function proposal(current: Rights | null, need: Need): Rights {
  const types = [...(current?.types ?? [])];
  if (!types.includes(need.type)) types.push(need.type);
  const open = Boolean(current?.open || need.open);
  return {
    open,
    close: Boolean(current?.close || need.close),
    types: PRODUCT_WORDS.filter((w) => types.includes(w)).concat(types.filter((w) => !PRODUCT_WORDS.includes(w))),
    maxAmount: open ? bigger(current?.maxAmount ?? null, need.open ? need.amount : null) : null,
  };
}

export interface RightsDraft {
  readonly open: boolean;
  readonly close: boolean;
  readonly types: readonly ProductWord[];
  /** As typed: `50 000`, `1 000 000,50`. */
  readonly maxAmount: string;
}

export const draftOf = (r: Rights): RightsDraft => ({ ...r, maxAmount: r.maxAmount ? r.maxAmount.replace(/\.00$/, "") : "" });

export interface DraftErrors {
  types?: string;
  maxAmount?: string;
}

/** The rights a draft asks for, or what is wrong with it (the API's own rules, in Russian). */
export function checkDraft(d: RightsDraft): { rights: Rights | null; errors: DraftErrors } {
  const errors: DraftErrors = {};
  if (d.types.length === 0) errors.types = "Выберите хотя бы один вид продуктов.";
  let max: string | null = null;
  if (d.open) {
    const parsed = parseAmount(d.maxAmount);
    if (!d.maxAmount.trim()) errors.maxAmount = "Укажите, на какую сумму FinPulse может открыть продукты.";
    else if (parsed.error) errors.maxAmount = parsed.error;
    else max = parsed.clean;
  }
  if (errors.types || errors.maxAmount) return { rights: null, errors };
  return { rights: { open: d.open, close: d.close, types: d.types, maxAmount: max }, errors };
}

/** The `init` body that asks one bank for a product consent with these rights (and nothing else). */
export function initBody(bankId: string, r: Rights): InitRequest {
  return {
    banks: [{ bank_id: bankId, include_products: true }],
    include_accounts: false,
    products: {
      read: true,
      open: r.open,
      close: r.close,
      product_types: [...r.types],
      ...(r.open && r.maxAmount ? { max_amount: r.maxAmount } : {}),
    },
  };
}

const list = (types: readonly ProductWord[]): string => types.map((t) => WORD_PLURAL[t]).join(", ");

/** What the consent allows, one line each, as the person reads it. */
export function rightsLines(r: Rights, money: (v: string) => string): string[] {
  const what = r.types.length ? list(r.types) : "любые продукты";
  const lines = [`Видеть ваши договоры: ${what}`];
  if (r.open) lines.push(`Открывать ${what}${r.maxAmount ? ` — всего не больше чем на ${money(r.maxAmount)}` : ""}`);
  else lines.push("Открывать продукты — нет");
  lines.push(r.close ? `Закрывать ${what}` : "Закрывать продукты — нет");
  return lines;
}

/** The action's button: «Разрешить открывать вклады в ВБанке»-style, named by what is needed. */
export function askLabel(need: Need, bankName: string): string {
  const verbs = [need.open && "открывать", need.close && "закрывать"].filter(Boolean).join(" и ");
  return `Разрешить ${verbs || "видеть"} ${WORD_PLURAL[need.type]} в ${bankName}`;
}
