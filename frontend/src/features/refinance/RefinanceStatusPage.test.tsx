import { fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { RefinanceView } from "../../api/models";
import { backend, fakeState } from "../../test/backend";
import { DASHBOARD } from "../../test/dashboard";
import { renderApp, signIn } from "../../test/render";

const loan = (bank_id: string, amount: string) => ({ bank_id, amount, agreement_id: `loan-${bank_id}`, product_id: null, product_name: "Потребительский кредит", rate: "23.9", term_months: 48 });
const steps = (statuses: RefinanceView["steps"][number]["status"][]) =>
  (["open_loan", "move_money", "close_old", "resync"] as const).map((name, i) => ({ name, status: statuses[i] ?? "pending", bank_id: name === "close_old" ? "abank" : "vbank", what: name }));

function refinance(status: RefinanceView["status"], extra: Partial<RefinanceView> = {}): RefinanceView {
  return {
    refinance_id: "refi-1",
    status,
    executions: 1,
    old: loan("abank", "476712.35"),
    new: { ...loan("vbank", "476712.35"), product_name: "Рефинансирование 11.5%", rate: "11.5" },
    payout: { bank_id: "vbank", kind: "current", masked_number: "****0004", name: "", currency: "RUB" },
    figures: { current_payment: "26037.26", new_payment: "23193.48", monthly_saving: "2843.78", commission: "0.00", total_saving: "65406.94", break_even_month: 1 },
    steps: steps(status === "completed" ? ["done", "done", "done", "done"] : ["done", "stopped"]),
    stop: null,
    created_at: "2026-12-01T10:00:00Z",
    updated_at: "2026-12-01T10:00:05Z",
    ...extra,
  } as RefinanceView;
}

async function open(views: RefinanceView[]) {
  const resumed: string[] = [];
  const state = fakeState({
    onboarding: { step: "done", banks: [], stored: true, completed_at: "2026-12-01T10:00:00Z" },
    routes: {
      "GET /api/refinance/refi-1": () => new Response(JSON.stringify(views[0]), { status: 200 }),
      "POST /api/refinance/refi-1/resume": (r) => {
        resumed.push(r.method);
        views.shift();
        return new Response(JSON.stringify(views[0]), { status: 202 });
      },
      "GET /api/dashboard": () => new Response(JSON.stringify(DASHBOARD), { status: 200 }),
    },
  });
  renderApp(backend(state));
  await signIn();
  await screen.findByTestId("home");
  window.location.hash = "#/refinance/refi-1";
  return { page: await screen.findByTestId("refinance-status"), resumed };
}

describe("a refinance's progress", () => {
  it("a stop at the money step says in Russian where the money is, and resume continues it", async () => {
    const stop = { step: "move_money", code: "BANK_UNAVAILABLE", message: "503", safe_state: "…", what_to_do: "…" } as const;
    const { page, resumed } = await open([refinance("stopped", { stop }), refinance("completed")]);
    expect(page.dataset.status).toBe("stopped");
    const box = screen.getByTestId("refinance-stop");
    expect(box.dataset.step).toBe("move_money");
    expect(box.textContent).toMatch(/Банк сейчас не отвечает/);
    expect(screen.getByTestId("refinance-safe-state").textContent).toMatch(/Новый кредит в VBank открыт, и его деньги лежат на вашем текущем счёте в VBank\. Старый кредит в ABank пока не погашен/);
    fireEvent.click(screen.getByTestId("refinance-resume"));
    await waitFor(() => expect(screen.getByTestId("refinance-status").dataset.status).toBe("completed"));
    expect(resumed).toEqual(["POST"]);
    expect(screen.getByTestId("refinance-done").textContent).toMatch(/старый кредит в ABank погашен и закрыт/);
    expect(screen.queryByTestId("refinance-resume")).toBeNull();
  });

  it("names both banks in every step, with the new loan's amount and the payout account", async () => {
    await open([refinance("completed")]);
    const texts = screen.getAllByTestId("refinance-step").map((s) => s.textContent ?? "");
    expect(texts[0]).toMatch(/VBank выдаёт новый кредит на 476\s712,35\s₽ — деньги приходят на ваш текущий счёт \*\*\*\*0004/);
    expect(texts[1]).toMatch(/гасит старый кредит в ABank/);
    expect(texts[2]).toMatch(/ABank закрывает/);
    expect(texts[3]).toMatch(/VBank и ABank/);
    expect(screen.getByTestId("refi-break-even").textContent).toBe("на 1-й месяц");
  });
});
