import { describe, expect, it } from "vitest";
import type { ConsentView, InitResult } from "../api/models";
import { consentView } from "../test/builders";
import { consentCard } from "./consentCard";

const consent = (status: string, extra: Partial<ConsentView> = {}) => consentView(status, { bank_id: "sbank", ...extra });

const result = (outcome: InitResult["outcome"], extra: Partial<InitResult> = {}): InitResult => ({
  bank_id: "sbank",
  kind: "accounts",
  outcome,
  ...extra,
});

describe("consent card", () => {
  it("moves requesting → pending (with the bank's approval link) → approved as polling reports", () => {
    expect(consentCard({ requesting: true }).state).toBe("requesting");
    const pending = consentCard({
      requesting: false,
      result: result("pending", { consent: consent("pending", { approval_url: "http://bank/app/consents/r1" }) }),
      view: consent("pending", { approval_url: "http://bank/app/consents/r1" }),
    });
    expect(pending).toMatchObject({ state: "pending", label: "Подтвердите в приложении банка", approvalUrl: "http://bank/app/consents/r1" });
    expect(pending.canRetry).toBe(false);
    const approved = consentCard({ requesting: false, result: result("pending"), view: consent("approved") });
    expect(approved).toMatchObject({ state: "approved", label: "Подключено", tone: "ok" });
    expect(approved.approvalUrl).toBeUndefined();
  });

  it("shows a failed bank with the error's text and offers a retry for it alone", () => {
    const failed = consentCard({
      requesting: false,
      result: result("failed", { error: { code: "BANK_UNAVAILABLE", message: "The bank failed (503)", http_status: 503 } }),
    });
    expect(failed).toMatchObject({ state: "failed", tone: "danger", canRetry: true });
    expect(failed.detail).toBe("Банк сейчас не отвечает. Попробуйте позже. Код ответа банка: 503.");
    // …and the retry's answer replaces it.
    expect(consentCard({ requesting: false, result: result("created", { consent: consent("approved") }) }).state).toBe("approved");
  });

  it("uses the answer of init until the status poll has the consent", () => {
    expect(consentCard({ requesting: false, result: result("reused", { consent: consent("approved") }), view: null }).state).toBe("approved");
  });

  it("offers to ask again after a rejection, a revocation or an expiry, and before any request", () => {
    for (const [status, state] of [
      ["rejected", "rejected"],
      ["revoked", "revoked"],
      ["expired", "expired"],
    ] as const) {
      expect(consentCard({ requesting: false, view: consent(status) })).toMatchObject({ state, canRetry: true });
    }
    expect(consentCard({ requesting: false })).toMatchObject({ state: "not_requested", canRetry: true });
  });
});
