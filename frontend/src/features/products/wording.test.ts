import { describe, expect, it } from "vitest";
import type { AgreementAction, OpenQuote } from "../../api/models";
import { actionExplained, missingText, openCheckText } from "./wording";

const quote = {
  ok: false,
  bank_id: "vbank",
  product_id: "deposit-reliable",
  product_name: "Надёжный",
  amount: "50000",
  currency: "RUB",
  term_months: 12,
  source: { bank_id: "vbank", kind: "current", masked_number: "****0001", name: "", currency: "RUB", available: "120000.00" },
  consent: { open: true, close: true, product_types: ["deposit"], room: "250000.00" },
  checks: [],
} as unknown as OpenQuote;
const bank = (id: string) => ({ vbank: "VBank" })[id] ?? id;

describe("deposit wording", () => {
  it("a passed check says what was checked with the quote's own figures", () => {
    expect(openCheckText({ name: "product_consent", ok: true, message: "" }, quote, bank)).toMatch(/можно открыть ещё на 250\s000,00\s₽/);
    expect(openCheckText({ name: "balance", ok: true, message: "" }, quote, bank)).toMatch(/На счёте сейчас 120\s000,00\s₽ — хватает/);
    expect(openCheckText({ name: "product", ok: true, message: "" }, quote, bank)).toBe("«Надёжный» есть в каталоге VBank");
  });

  it("a failed check or a missing consent is said in Russian by its code, else in the API's words", () => {
    expect(openCheckText({ name: "product_limits", ok: false, code: "AMOUNT_BELOW_MINIMUM", message: "min" }, quote, bank)).toBe("Сумма меньше минимальной для этого вклада.");
    expect(missingText({ code: "OPEN_NOT_GRANTED", message: "open" })).toMatch(/не разрешает FinPulse открывать/);
    expect(missingText({ code: "SOMETHING_NEW", message: "The bank says no" })).toBe("The bank says no");
  });

  it("an unknown outcome promises no second request; a refusal says the money stayed", () => {
    const action = { kind: "open", status: "unknown", failure: null } as unknown as AgreementAction;
    expect(actionExplained(action)).toMatch(/не отправит запрос ещё раз/);
    expect(actionExplained({ ...action, status: "rejected", failure: { code: "AGREEMENT_REFUSED", message: "no" } })).toMatch(/Вклад не открыт, деньги остались на вашем счёте/);
  });
});
