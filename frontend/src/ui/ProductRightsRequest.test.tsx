import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { ConsentView } from "../api/models";
import { backend, fakeState } from "../test/backend";
import { consentView } from "../test/builders";
import { DASHBOARD } from "../test/dashboard";
import { json } from "../test/fakes";
import { renderApp, signIn } from "../test/render";

const READ = { read: true, open: false, close: false, product_types: ["deposit", "loan", "card"] };
const OPEN = { read: true, open: true, close: false, product_types: ["deposit", "loan", "card"], max_amount: "75000" };

const bank = (products: { current: ConsentView; renewal?: ConsentView | null }) => ({
  bank_id: "sbank",
  name: "SBank",
  approval: "manual",
  customer_id: "team200-1",
  connected: true,
  needs_action: false,
  accounts: { current: consentView("approved", { id: "acc", bank_id: "sbank" }) },
  products,
  payments: {},
});
const status = (products: Parameters<typeof bank>[0]) => ({ banks: [bank(products)], near_expiry_days: 7, generated_at: "2026-12-01T10:00:00Z" });

describe("asking a manual bank for product rights from the connections page", () => {
  it("shows the rights, what will be asked for, then follows the approval to the end", async () => {
    const old = consentView("approved", { id: "old", bank_id: "sbank", kind: "products", options: READ });
    const asked = consentView("pending", { id: "new", bank_id: "sbank", kind: "products", options: OPEN, replaces: "old", approval_url: "http://sbank.test/app/consents/req-1" });
    const bodies: unknown[] = [];
    let phase: "read" | "pending" | "approved" = "read";
    const state = fakeState({
      onboarding: { step: "done", banks: [], stored: true, completed_at: "2026-12-01T10:00:00Z" },
      routes: {
        "GET /api/dashboard": () => json(200, DASHBOARD),
        "GET /api/consents/status": () =>
          json(200, phase === "read" ? status({ current: old }) : phase === "pending" ? status({ current: old, renewal: asked }) : status({ current: { ...asked, status: "approved", approval_url: null } })),
        "POST /api/consents/init": (r) => {
          bodies.push(r.body);
          phase = "pending";
          return json(200, { results: [{ bank_id: "sbank", kind: "products", outcome: "renewal_created", consent: asked }] });
        },
      },
    });
    renderApp(backend(state));
    await signIn();
    await screen.findByTestId("home");
    window.location.hash = "#/connections";
    const row = await screen.findByTestId("kind-sbank-products");
    expect(within(row).getByTestId("kind-rights").textContent).toMatch(/Открывать продукты — нет/);

    fireEvent.click(within(row).getByTestId("rights-sbank-ask"));
    fireEvent.click(within(row).getByTestId("rights-sbank-open"));
    const max = within(row).getByTestId("rights-sbank-max");
    fireEvent.change(max, { target: { value: "75 000" } });
    const summary = within(row).getByTestId("rights-sbank-summary").textContent ?? "";
    expect(summary).toMatch(/SBank получит запрос на согласие/);
    expect(summary).toMatch(/Открывать вклады, кредиты, карты — всего не больше чем на 75\s000,00\s₽/);
    expect(summary).toMatch(/попросит подтвердить запрос в своём приложении/);
    fireEvent.click(within(row).getByTestId("rights-sbank-send"));

    const link = await within(row).findByTestId("approve-link-sbank");
    expect(link.getAttribute("href")).toBe("http://sbank.test/app/consents/req-1");
    expect(bodies).toEqual([
      { banks: [{ bank_id: "sbank", include_products: true }], include_accounts: false, products: { ...OPEN, product_types: ["deposit", "loan", "card"] } },
    ]);
    phase = "approved"; // the customer approved at the bank; the back-off poll finds it
    await waitFor(() => expect(screen.getByTestId("rights-sbank-done").textContent).toMatch(/SBank подтвердил/), { timeout: 6_000 });
    expect(screen.getByTestId("kind-rights").textContent).toMatch(/всего не больше чем на 75\s000,00\s₽/);
  }, 15_000);
});
