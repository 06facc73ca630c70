import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { PaymentView } from "../../api/models";
import { backend, fakeState } from "../../test/backend";
import { DASHBOARD } from "../../test/dashboard";
import { renderApp, signIn } from "../../test/render";

const party = (bank_id: string, kind: "current" | "loan", masked_number: string, name: string) => ({ bank_id, kind, masked_number, name, currency: "RUB" });

function payment(status: PaymentView["status"], extra: Partial<PaymentView> = {}): PaymentView {
  return {
    payment_id: "pay-1",
    kind: "mdp",
    status,
    final: ["completed", "rejected", "failed"].includes(status),
    amount: "37979.95",
    currency: "RUB",
    comment: "",
    reference: "FP-1C14799DD5CC",
    debtor: party("sbank", "current", "****0004", "Текущий счёт"),
    creditor: { ...party("abank", "loan", "****0003", "Автокредит Smart 12.6%"), agreement_id: "loan-1" },
    consent: { mode: "single_use" },
    history: [{ at: "2026-12-01T10:00:00Z", status: "created" }, { at: "2026-12-01T10:00:01Z", status }],
    created_at: "2026-12-01T10:00:00Z",
    updated_at: "2026-12-01T10:00:01Z",
    ...extra,
  } as PaymentView;
}

async function open(view: PaymentView) {
  const state = fakeState({
    onboarding: { step: "done", banks: [], stored: true, completed_at: "2026-12-01T10:00:00Z" },
    routes: {
      "GET /api/payments/pay-1": () => new Response(JSON.stringify(view), { status: 200 }),
      "GET /api/dashboard": () => new Response(JSON.stringify(DASHBOARD), { status: 200 }),
    },
  });
  renderApp(backend(state));
  await signIn();
  await screen.findByTestId("home");
  window.location.hash = "#/payments/pay-1";
  return screen.findByTestId("payment-status");
}

describe("a payment's status", () => {
  it("awaiting approval: what to do, with the bank's own link", async () => {
    const status = await open(payment("awaiting_approval", { approval_url: "https://sbank.example/approve/1" }));
    expect(status.dataset.status).toBe("awaiting_approval");
    expect(status.textContent).toMatch(/Банк просит подтвердить платёж в своём приложении/);
    expect(screen.getByTestId("payment-approve-link").getAttribute("href")).toBe("https://sbank.example/approve/1");
    expect(screen.getByTestId("payment-approve-link").textContent).toBe("Подтвердить в приложении SBank");
  });

  it("unknown: that FinPulse will not send it again and finds out from the bank", async () => {
    const status = await open(payment("unknown"));
    expect(status.textContent).toMatch(/итог пока неизвестен\. FinPulse не отправит платёж ещё раз/);
    expect(screen.queryByTestId("payment-approve-link")).toBeNull();
  });

  it("rejected: the reason in Russian, the bank's own words for a code FinPulse does not know", async () => {
    await open(payment("rejected", { failure: { code: "BANK_REJECTED", message: "The bank rejected the payment after it accepted it" } }));
    expect(screen.getByTestId("payment-failure").textContent).toBe("Банк отклонил платёж уже после того, как принял его. Деньги не списаны.");
  });

  it("rejected by the bank's own code: its message, said to be the bank's", async () => {
    await open(payment("rejected", { failure: { code: "LIMIT_EXCEEDED", message: "Daily limit exceeded" } }));
    expect(screen.getByTestId("payment-failure").textContent).toBe("Ответ банка: Daily limit exceeded");
  });
});
