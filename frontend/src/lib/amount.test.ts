import { describe, expect, it } from "vitest";
import { parseAmount } from "./amount";

describe("parseAmount", () => {
  it("reads ru-RU input as the API's decimal string", () => {
    expect(parseAmount("100 000,50")).toEqual({ clean: "100000.50", error: undefined });
    expect(parseAmount("")).toEqual({ clean: "", error: undefined });
  });
  it("says what is wrong", () => {
    expect(parseAmount("1,234")).toMatchObject({ error: expect.stringContaining("двух знаков") });
    expect(parseAmount("0")).toMatchObject({ error: "Сумма должна быть больше нуля." });
    expect(parseAmount("abc").error).toBeDefined();
  });
});
