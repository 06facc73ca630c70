import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { consentView } from "../../test/builders";
import { RevokeOutcome } from "./RevokeOutcome";

describe("RevokeOutcome", () => {
  it("says what was deleted, and in plain Russian when the bank did not confirm", () => {
    render(
      <RevokeOutcome
        result={{
          consent: consentView("revoked"),
          revoked_at_bank: false,
          deleted_items: 38,
          not_deleted: ["2 transactions: the table was busy"],
          bank_error: { code: "BANK_UNAVAILABLE", message: "The bank failed (503)", http_status: 503 },
          reason: "The bank failed (503)",
        }}
      />,
    );
    expect(screen.getByTestId("revoke-outcome").textContent).toMatch(/Удалено 38 записей/);
    const pending = screen.getByTestId("revoke-bank-pending").textContent ?? "";
    expect(pending).toMatch(/Банк пока не подтвердил отзыв — Банк сейчас не отвечает/);
    expect(pending).toMatch(/проверьте в приложении банка/);
    expect(screen.getByTestId("revoke-not-deleted").textContent).toMatch(/the table was busy/);
  });

  it("is one line when the bank confirmed and nothing was stored", () => {
    render(<RevokeOutcome result={{ consent: consentView("revoked"), revoked_at_bank: true, deleted_items: 0, not_deleted: [] }} />);
    expect(screen.getByTestId("revoke-outcome").textContent).toMatch(/отозвано\. Удалять было нечего\./);
    expect(screen.queryByTestId("revoke-bank-pending")).toBeNull();
  });
});
