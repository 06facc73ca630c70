import { describe, expect, it } from "vitest";
import type { PaymentQuote } from "../../api/models";
import { MemoryStorage } from "../../test/fakes";
import { ATTEMPT_TTL_MS, attemptFits, clearAttempt, loadAttempt, newAttempt, payBody, saveAttempt } from "./attempt";

const quote = { kind: "mdp", ok: true, checks: [], amount: "37979.95", amount_source: "next_instalment" } as unknown as PaymentQuote;
const request = { debtor: { bank_id: "abank", account_id: "acc-1" }, target: { bank_id: "abank", agreement_id: "loan-1" } };

describe("payment attempt", () => {
  it("pays exactly the quoted amount, the default resolved by the quote included", () => {
    expect(payBody(request, quote)).toEqual({ ...request, amount: "37979.95" });
  });

  it("keeps one key per attempt across reloads until cleared, and a new one for a new attempt", () => {
    const store = new MemoryStorage();
    let n = 0;
    const uuid = () => `key-${++n}`;
    const attempt = newAttempt("mdp", payBody(request, quote), uuid);
    saveAttempt(store, attempt, quote, false, 1_000);
    const reloaded = loadAttempt(store, 2_000);
    expect(reloaded?.attempt.key).toBe("key-1");
    saveAttempt(store, attempt, quote, true, 3_000);
    expect(loadAttempt(store, 4_000)?.sent).toBe(true);
    expect(attemptFits(loadAttempt(store, 4_000)!, "mdp", request.target)).toBe(true);
    expect(attemptFits(loadAttempt(store, 4_000)!, "adp", request.target)).toBe(false);
    expect(attemptFits(loadAttempt(store, 4_000)!, "mdp", { bank_id: "abank", agreement_id: "loan-2" })).toBe(false);
    clearAttempt(store);
    expect(loadAttempt(store)).toBeNull();
    expect(newAttempt("mdp", request, uuid).key).toBe("key-2");
  });

  it("forgets an old or broken attempt", () => {
    const store = new MemoryStorage();
    saveAttempt(store, newAttempt("sdp", request, () => "k"), quote, false, 0);
    expect(loadAttempt(store, ATTEMPT_TTL_MS + 1)).toBeNull();
    store.setItem("finpulse.payment.attempt.v1", "{not json");
    expect(loadAttempt(store)).toBeNull();
  });
});
