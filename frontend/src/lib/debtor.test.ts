import { describe, expect, it } from "vitest";
import type { AccountView } from "../api/models";
import { defaultDebtor } from "./debtor";

const account = (bank_id: string, account_id: string, amount: string, kind = "current"): AccountView => ({
  bank_id,
  account_id,
  kind,
  currency: "RUB",
  enabled: true,
  status: "Enabled",
  stale: false,
  masked_number: `****${account_id.slice(-4)}`,
  available: { amount, currency: "RUB", at: "2026-12-01T10:00:00Z" },
  booked: { amount, currency: "RUB", at: "2026-12-01T10:00:00Z" },
});

describe("the default account to pay from", () => {
  const empty = account("abank", "a-0001", "0.00");
  const rich = account("vbank", "v-0002", "90000.00");
  const some = account("abank", "a-0003", "500.00", "savings");
  const card = account("abank", "a-0004", "1000000.00", "credit_card");

  it("is the target bank's account that can pay the amount", () => {
    expect(defaultDebtor([empty, rich, some], "abank", 450)?.account_id).toBe("a-0003");
  });

  it("is another bank's when the target's bank cannot pay, never a card or an empty account", () => {
    expect(defaultDebtor([empty, rich, some, card], "abank", 600)?.account_id).toBe("v-0002");
  });

  it("is the richest when none can pay (the quote then says why), none when nothing is payable", () => {
    expect(defaultDebtor([empty, some], "abank", 10_000)?.account_id).toBe("a-0003");
    expect(defaultDebtor([card], "abank", 1)).toBeUndefined();
  });
});
