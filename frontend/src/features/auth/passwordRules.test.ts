import { describe, expect, it } from "vitest";
import { DEFAULT_PASSWORD_POLICY } from "../../config";
import { meetsPolicy, passwordRules } from "./passwordRules";

describe("password rules", () => {
  it("tick off the pool's policy while typing", () => {
    const unmet = (p: string) => passwordRules(p, DEFAULT_PASSWORD_POLICY).filter((r) => !r.met).map((r) => r.id);
    expect(unmet("")).toEqual(["length", "lower", "upper", "digit"]);
    expect(unmet("abcdefghijkl")).toEqual(["upper", "digit"]);
    expect(unmet("Abcdefghijk1")).toEqual([]);
    expect(meetsPolicy("Abcdefghijk1", DEFAULT_PASSWORD_POLICY)).toBe(true);
    expect(passwordRules("x", { ...DEFAULT_PASSWORD_POLICY, requireSymbols: true }).map((r) => r.id)).toContain("symbol");
  });
});
