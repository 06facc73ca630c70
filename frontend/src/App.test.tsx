import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { STORAGE_KEY } from "./auth/session";
import { BANKS, backend, fakeState } from "./test/backend";
import { consentView } from "./test/builders";
import { DASHBOARD, MONTH_SPENDING } from "./test/dashboard";
import { MemoryStorage, fakeJwt } from "./test/fakes";
import { TEST_CONFIG, renderApp, signIn } from "./test/render";

const bankView = (bank: string, status: string, extra: object = {}) =>
  consentView(status, { id: `${bank}-1`, bank_id: bank, expires_at: "2027-03-01T10:00:00Z", expires_in_days: 89, ...extra });
const bankConsents = (bank: string, accounts: object | null) => ({
  bank_id: bank,
  name: BANKS.find((b) => b.bank_id === bank)?.name,
  approval: "auto",
  customer_id: "team200-1",
  connected: false,
  needs_action: false,
  accounts: { current: accounts },
  products: { current: null },
  payments: { current: null },
});

describe("App", () => {
  it("signs in and lands a new user in onboarding, with the customer ids already given", async () => {
    const state = fakeState({ identities: [{ bank_id: "vbank", customer_id: "team200-1", updated_at: "2026-12-01T10:00:00Z" }] });
    renderApp(backend(state));
    expect(await screen.findByRole("heading", { name: "Вход" })).toBeTruthy();
    await signIn();
    expect(await screen.findByTestId("step-banks")).toBeTruthy();
    expect((screen.getByTestId("customer-id-vbank") as HTMLInputElement).value).toBe("team200-1");
    expect((screen.getByTestId("customer-id-sbank") as HTMLInputElement).value).toBe("");
    expect(screen.getByText("Этот банк попросит подтвердить доступ в его приложении.")).toBeTruthy();
  });

  it("shows a Russian error for a wrong password and asks for both fields first", async () => {
    const { server } = renderApp(backend(fakeState()));
    await userEvent.click(await screen.findByTestId("signin-submit"));
    expect(screen.getByTestId("signin-error").textContent).toMatch(/Введите адрес электронной почты и пароль/);
    expect(server.calls).toHaveLength(0);
    await signIn("wrong");
    expect((await screen.findByTestId("signin-error")).textContent).toBe("Неверный адрес электронной почты или пароль.");
  });

  it("signs up, confirms the e-mailed code (a wrong one is explained) and opens onboarding", async () => {
    renderApp(backend(fakeState({ password: "unused" })));
    await userEvent.click(await screen.findByTestId("link-signup"));
    await userEvent.type(screen.getByTestId("signup-email"), "demo@finpulse.dev");
    await userEvent.type(screen.getByTestId("signup-password"), "short");
    await userEvent.click(screen.getByTestId("signup-submit"));
    expect((await screen.findByText("Пароль пока не выполняет все требования.")).getAttribute("role")).toBe("alert");
    await userEvent.clear(screen.getByTestId("signup-password"));
    await userEvent.type(screen.getByTestId("signup-password"), "Novyi-klient-2024");
    await userEvent.click(screen.getByTestId("signup-submit"));

    expect((await screen.findByTestId("confirm-notice")).textContent).toMatch(/d\*\*\*@finpulse.dev/);
    expect(screen.getByTestId("confirm-local-hint").textContent).toMatch(/make dev/);
    await userEvent.type(screen.getByTestId("confirm-code"), "000000");
    await userEvent.click(screen.getByTestId("confirm-submit"));
    expect((await screen.findByTestId("confirm-error")).textContent).toMatch(/Неверный код/);
    await userEvent.clear(screen.getByTestId("confirm-code"));
    await userEvent.type(screen.getByTestId("confirm-code"), "123456");
    await userEvent.click(screen.getByTestId("confirm-submit"));
    expect(await screen.findByTestId("step-banks")).toBeTruthy();
  });

  it("turns a manual bank's card approved without a reload once polling sees the approval", async () => {
    const pending = bankView("sbank", "pending", { approval_url: "http://bank/app/consents/r1" });
    const state = fakeState({
      onboarding: { step: "consents", banks: [{ bank_id: "sbank", products: false, payments: false }], stored: true, completed_at: null },
      consentAnswers: [
        { banks: [bankConsents("sbank", null)], near_expiry_days: 7, generated_at: "x" },
        { banks: [bankConsents("sbank", pending)], near_expiry_days: 7, generated_at: "x" },
        { banks: [bankConsents("sbank", bankView("sbank", "approved"))], near_expiry_days: 7, generated_at: "x" },
      ],
      initAnswer: { results: [{ bank_id: "sbank", kind: "accounts", outcome: "pending", consent: pending }] },
    });
    const { server } = renderApp(backend(state));
    await signIn();
    await userEvent.click(await screen.findByTestId("consents-request"));
    const card = await screen.findByTestId("consent-card-sbank-accounts");
    await waitFor(() => expect(card.getAttribute("data-state")).toBe("pending"));
    expect(within(card).getByTestId("approve-link-sbank").getAttribute("href")).toBe("http://bank/app/consents/r1");
    expect(within(card).getByTestId("approve-link-sbank").getAttribute("target")).toBe("_blank");
    const init = server.calls.find((c) => c.url.endsWith("/api/consents/init"));
    expect(init?.body).toEqual({ include_accounts: true, banks: [{ bank_id: "sbank", include_products: false, include_payments: false }] });

    await waitFor(() => expect(screen.getByTestId("consent-card-sbank-accounts").getAttribute("data-state")).toBe("approved"), {
      timeout: 8_000,
    });
    const polls = server.calls.filter((c) => c.url.endsWith("/api/consents/status")).length;
    await new Promise((r) => setTimeout(r, 2_500));
    expect(server.calls.filter((c) => c.url.endsWith("/api/consents/status")).length).toBe(polls); // stopped
    expect((screen.getByTestId("consents-next") as HTMLButtonElement).disabled).toBe(false);
  }, 15_000);

  it("keeps the session across a reload and signs out back to the form", async () => {
    const state = fakeState();
    const storage = new MemoryStorage();
    const first = renderApp(backend(state), storage);
    await signIn();
    await screen.findByTestId("step-banks");
    first.unmount();
    const second = renderApp(backend(state), storage);
    expect(await screen.findByTestId("step-banks")).toBeTruthy();
    expect(second.server.calls.some((c) => c.url === TEST_CONFIG.cognitoEndpoint)).toBe(false);
    await userEvent.click(screen.getByTestId("account-email"));
    await userEvent.click(screen.getByTestId("sign-out"));
    expect((await screen.findByTestId("signin-notice")).textContent).toBe("Вы вышли из FinPulse.");
    expect(storage.getItem(STORAGE_KEY)).toBeNull();
  });

  it("shows an onboarded user the money picture: safe-to-spend, why, cash by bank with its freshness", async () => {
    const stale = { bank_id: "sbank", status: "stale" as const, stale: true, last_success_at: "2026-11-30T07:00:00Z", types: {} };
    // The customer revoked ABank's consent in the bank's app: FinPulse deleted what it brought in.
    const revoked = bankView("abank", "revoked", {
      history: [{ at: "2026-12-01T08:00:00Z", status: "revoked", raw_status: "Revoked", source: "bank" }],
      data_removal: { at: "2026-12-01T08:00:02Z", deleted_items: 38, reason: "ABank reports this consent revoked", not_deleted: [] },
    });
    const state = fakeState({
      onboarding: { step: "done", banks: [], stored: true, completed_at: "2026-12-01T10:00:00Z" },
      consentAnswers: [{ banks: [bankConsents("abank", revoked)], near_expiry_days: 7, generated_at: "2026-12-01T10:00:00Z" }],
      routes: {
        // The user's saved time zone, not the browser's (UTC here), decides the dates shown.
        "GET /api/me/financial-inputs": () =>
          new Response(JSON.stringify({ stored: true, data_version: 1, timezone: "Europe/Moscow" }), { status: 200 }),
        "GET /api/dashboard": () => new Response(JSON.stringify({ ...DASHBOARD, freshness: [...DASHBOARD.freshness.filter((f) => f.bank_id !== "sbank"), stale] }), { status: 200 }),
        "GET /api/spending": () => new Response(JSON.stringify(MONTH_SPENDING), { status: 200 }),
      },
    });
    renderApp(backend(state));
    await signIn();
    expect((await screen.findByTestId("sts-daily")).textContent).toMatch(/^75\s815,26\s₽$/);
    expect(screen.getByTestId("sts-left-today").textContent).toMatch(/75\s815,26\s₽/);
    const why = screen.getByTestId("sts-explanation");
    expect(why.hidden).toBe(true);
    await userEvent.click(screen.getByTestId("sts-why"));
    expect(why.hidden).toBe(false);
    const terms = within(why).getAllByTestId("sts-term");
    expect(terms.map((t) => t.dataset.code)).toEqual(DASHBOARD.dashboard.safe_to_spend.explanation.map((t) => t.code));
    expect(terms[0]?.textContent).toMatch(/Деньги на счетах сейчас\+246\s140,35\s₽/);
    expect(terms.at(-1)?.textContent).toMatch(/= 75\s815,26\s₽ в день/);
    const sbank = screen.getByTestId("home-bank-sbank");
    expect(within(sbank).getByTestId("home-stale").textContent).toMatch(/Данные на 30 ноября, 10:00/);
    expect(screen.getByTestId("stale-sbank").textContent).toMatch(/SBank: показаны данные на 30 ноября, 10:00/);
    expect(screen.getByTestId("health-score").textContent).toBe("54");
    expect(screen.getAllByTestId("timeline-event")).toHaveLength(5);
    expect(screen.getByTestId("debt-total").textContent).toMatch(/7\s454\s687,99\s₽/);
    const ended = await screen.findByTestId("ended-abank");
    expect(ended.textContent).toMatch(/ABank: данных этого банка больше нет\..*ABank сообщил, что согласие отозвано в банке\..*38 записей/);
  });

  it("shows the error view with the envelope's message and request id, and retries", async () => {
    let fail = true;
    const state = fakeState({
      routes: {
        "GET /api/onboarding": () =>
          fail
            ? new Response(JSON.stringify({ error: { status: 500, code: "INTERNAL_ERROR", message: "Something broke", details: [], request_id: "req-9" } }), { status: 500 })
            : new Response(JSON.stringify({ step: "banks", banks: [], stored: false }), { status: 200 }),
      },
    });
    renderApp(backend(state));
    await signIn();
    const error = await screen.findByTestId("error-view", {}, { timeout: 15_000 }); // after 3 retries of the 5xx
    expect(error.textContent).toMatch(/Сервер временно недоступен/);
    expect(error.textContent).toMatch(/Something broke/);
    expect(screen.getByTestId("error-request-id").textContent).toMatch(/req-9/);
    fail = false;
    await userEvent.click(screen.getByTestId("error-retry"));
    expect(await screen.findByTestId("step-banks")).toBeTruthy();
  }, 20_000);

  it("returns to sign-in with a notice when a stored session is rejected and cannot be refreshed", async () => {
    const storage = new MemoryStorage();
    storage.setItem(
      STORAGE_KEY,
      JSON.stringify({
        v: 1,
        clientId: TEST_CONFIG.userPoolClientId,
        username: "demo@finpulse.dev",
        idToken: fakeJwt({ sub: "sub-1", email: "demo@finpulse.dev", revoked: true }),
        accessToken: "a",
        refreshToken: "revoked",
        expiresAt: Date.now() + 3_600_000,
      }),
    );
    renderApp(backend(fakeState()), storage);
    expect((await screen.findByTestId("signin-notice")).textContent).toBe("Сессия истекла. Войдите снова.");
    expect(storage.getItem(STORAGE_KEY)).toBeNull();
  });
});
