import { describe, expect, it } from "vitest";
import { consentView } from "../test/builders";
import { askLabel, checkDraft, consentShort, covers, draftOf, initBody, proposal, rightsLines, rightsOf, wordForKind, type Rights } from "./productRights";

const READ: Rights = { open: false, close: false, types: ["deposit", "loan", "card"], maxAmount: null };
const money = (v: string) => `${v} ₽`;

describe("product consent rights", () => {
  it("reads the rights of an approved consent only", () => {
    const options = { read: true, open: true, close: false, product_types: ["deposit"], max_amount: "50000.00" };
    expect(rightsOf(consentView("approved", { kind: "products", options }))).toEqual({ open: true, close: false, types: ["deposit"], maxAmount: "50000.00" });
    expect(rightsOf(consentView("pending", { kind: "products", options }))).toBeNull();
    expect(rightsOf(null)).toBeNull();
  });

  it("knows when an action is covered: open, close, type and the cap", () => {
    const granted: Rights = { open: true, close: false, types: ["deposit"], maxAmount: "50000" };
    expect(covers(granted, { open: true, type: "deposit", amount: "50000" })).toBe(true);
    expect(covers(granted, { open: true, type: "deposit", amount: "50000.01" })).toBe(false);
    expect(covers(granted, { open: true, type: "loan", amount: "1" })).toBe(false);
    expect(covers(granted, { close: true, type: "deposit" })).toBe(false);
    expect(covers(null, { open: true, type: "deposit" })).toBe(false);
  });

  it("proposes what was granted plus what the action needs, the cap at least the amount", () => {
    expect(proposal(READ, { open: true, type: "deposit", amount: "50000" })).toEqual({ open: true, close: false, types: ["deposit", "loan", "card"], maxAmount: "50000" });
    const opened: Rights = { open: true, close: false, types: ["deposit"], maxAmount: "80000" };
    expect(proposal(opened, { close: true, type: "deposit" })).toEqual({ open: true, close: true, types: ["deposit"], maxAmount: "80000" });
    expect(proposal(opened, { open: true, type: "loan", amount: "476712.35" })).toEqual({ open: true, close: false, types: ["deposit", "loan"], maxAmount: "476712.35" });
    expect(proposal(null, { close: true, type: "loan" })).toEqual({ open: false, close: true, types: ["loan"], maxAmount: null });
  });

  it("checks a draft as the API would: a product type, and a cap when opening", () => {
    expect(checkDraft({ open: true, close: false, types: [], maxAmount: "" }).errors).toEqual({
      types: "Выберите хотя бы один вид продуктов.",
      maxAmount: "Укажите, на какую сумму FinPulse может открыть продукты.",
    });
    expect(checkDraft({ open: true, close: false, types: ["deposit"], maxAmount: "1,5,0" }).errors.maxAmount).toMatch(/Сумма в рублях/);
    expect(checkDraft({ open: true, close: true, types: ["deposit"], maxAmount: "50 000" }).rights).toEqual({ open: true, close: true, types: ["deposit"], maxAmount: "50000" });
    expect(checkDraft({ open: false, close: true, types: ["loan"], maxAmount: "garbage" }).rights).toEqual({ open: false, close: true, types: ["loan"], maxAmount: null });
    expect(draftOf({ ...READ, maxAmount: "50000.00" }).maxAmount).toBe("50000");
  });

  it("asks one bank for products only, always with read", () => {
    expect(initBody("vbank", { open: true, close: true, types: ["deposit"], maxAmount: "50000" })).toEqual({
      banks: [{ bank_id: "vbank", include_products: true }],
      include_accounts: false,
      products: { read: true, open: true, close: true, product_types: ["deposit"], max_amount: "50000" },
    });
    expect(initBody("abank", { open: false, close: true, types: ["loan"], maxAmount: "9" }).products).toEqual({ read: true, open: false, close: true, product_types: ["loan"] });
  });

  it("says in Russian what will be asked for and names the action", () => {
    expect(rightsLines({ open: true, close: false, types: ["deposit", "loan"], maxAmount: "50000" }, money)).toEqual([
      "Видеть ваши договоры: вклады, кредиты",
      "Открывать вклады, кредиты — всего не больше чем на 50000 ₽",
      "Закрывать продукты — нет",
    ]);
    expect(askLabel({ open: true, type: "deposit" }, "VBank")).toBe("Разрешить открывать вклады в VBank");
    expect(askLabel({ open: true, close: true, type: "loan" }, "ABank")).toBe("Разрешить открывать и закрывать кредиты в ABank");
    expect(wordForKind("debit_card")).toBe("card");
  });

  it("offers a new consent only for the refusals one fixes, at the bank a check names", () => {
    const checks = [
      { name: "product_consent", ok: false, code: "OPEN_NOT_GRANTED", field: "body.offer.bank_id" },
      { name: "product_consent", ok: false, code: "BANK_UNAVAILABLE", field: "body.loan.bank_id" },
    ];
    expect(consentShort(checks)).toBe(true);
    expect(consentShort(checks, "body.offer.bank_id")).toBe(true);
    expect(consentShort(checks, "body.loan.bank_id")).toBe(false); // the bank was down: no new consent helps
    expect(consentShort([{ name: "available_balance", ok: false, code: "INSUFFICIENT_FUNDS" }])).toBe(false);
  });
});
