import { describe, expect, it } from "vitest";
import { consentView } from "../../test/builders";
import { actionsFor, freshnessLine, initBodyFor, revokeWarning } from "./connection";

const view = consentView;
const format = { relative: () => "5 минут назад", dateTime: () => "1 декабря, 10:00" };

describe("connection actions", () => {
  it("offers renewal near expiry, reconnection after the end, revocation while in use", () => {
    expect(actionsFor("accounts", view("approved"), null)).toEqual(["revoke"]);
    expect(actionsFor("accounts", view("approved", { near_expiry: true }), null)).toEqual(["renew", "revoke"]);
    expect(actionsFor("accounts", view("approved", { near_expiry: true }), view("pending"))).toEqual(["revoke"]);
    for (const status of ["revoked", "expired", "rejected"]) expect(actionsFor("products", view(status), null)).toEqual(["reconnect"]);
    expect(actionsFor("accounts", null, null)).toEqual(["connect"]);
    // payments need limits: reconnect only with the ones it had
    expect(actionsFor("payments", view("revoked"), null)).toEqual([]);
    expect(actionsFor("payments", view("revoked", { options: { debtor_account: "40817810000000000001" } }), null)).toEqual(["reconnect"]);
  });

  it("renews and reconnects one kind at one bank through init", () => {
    expect(initBodyFor("vbank", "accounts", view("approved"), true)).toEqual({
      banks: [{ bank_id: "vbank", include_products: false, include_payments: false }],
      include_accounts: true,
      renew: true,
    });
    const limits = { debtor_account: "40817810000000000001", consent_type: "multi_use", max_uses: 3 };
    expect(initBodyFor("sbank", "payments", view("expired", { options: limits }), false)).toEqual({
      banks: [{ bank_id: "sbank", include_products: false, include_payments: true, payment_limits: limits }],
      include_accounts: false,
      renew: false,
    });
  });

  it("says what revoking deletes", () => {
    expect(revokeWarning("accounts", "ABank")).toMatch(/удалит счета, остатки, карты и все операции из ABank/);
    expect(revokeWarning("payments", "ABank")).toMatch(/Данные о счетах останутся/);
  });
});

describe("freshness", () => {
  it("is fresh with how long ago, or stale with the last good time and the error", () => {
    expect(freshnessLine({ bank_id: "v", status: "fresh", stale: false, last_success_at: "x" }, format, () => "")).toEqual({
      tone: "ok",
      text: "Данные обновлены 5 минут назад.",
    });
    const stale = freshnessLine(
      { bank_id: "s", status: "stale", stale: true, last_success_at: "x", error: { code: "BANK_UNAVAILABLE", message: "m", at: "y" } },
      format,
      () => "Банк сейчас не отвечает.",
    );
    expect(stale).toEqual({
      tone: "warn",
      text: "Показаны данные на 1 декабря, 10:00: банк не отдал новые. Последняя попытка: Банк сейчас не отвечает.",
    });
    expect(freshnessLine(undefined, format, () => "").text).toBe("Данные ещё не загружались.");
  });
});
