import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { ApiClient } from "../api/client";
import { ServicesProvider } from "../context";
import { createServices } from "../services";
import { fakeFetch, json, type Handler } from "../test/fakes";
import { TEST_CONFIG } from "../test/render";
import { BanksSection } from "./BanksSection";

function renderBanks(handler: Handler) {
  const server = fakeFetch(handler);
  const base = createServices(TEST_CONFIG, { storage: null, eventTarget: null });
  const api = new ApiClient({
    baseUrl: "/api",
    fetch: server.fetch,
    tokens: { getIdToken: async () => "t", refresh: async () => "t", signOut: () => undefined },
  });
  render(
    <ServicesProvider services={{ ...base, api }}>
      <BanksSection />
    </ServicesProvider>,
  );
  return server;
}

const BANKS = {
  banks: [
    { bank_id: "vbank", name: "VBank", approval: "auto", connected: true, consents: [{ kind: "accounts", status: "approved" }] },
    { bank_id: "abank", name: "ABank", approval: "manual", connected: false, consents: [], status: { anything: true } },
    { bank_id: "sbank", name: "SBank", approval: "auto", connected: false, consents: [] },
  ],
};

describe("BanksSection", () => {
  it("shows loading, then one row per bank with its name and connection state", async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    renderBanks(async () => {
      await gate;
      return json(200, BANKS);
    });

    expect(screen.getByTestId("banks-loading").textContent).toMatch(/Загружаем/);
    release();

    const vbank = await screen.findByTestId("bank-row-vbank");
    expect(within(vbank).getByTestId("bank-name").textContent).toBe("VBank");
    expect(within(vbank).getByTestId("bank-state").textContent).toBe("Подключён");
    expect(vbank.getAttribute("data-connected")).toBe("true");

    const abank = screen.getByTestId("bank-row-abank");
    expect(within(abank).getByTestId("bank-state").textContent).toBe("Не подключён");
    expect(abank.getAttribute("data-connected")).toBe("false");

    expect(screen.getAllByRole("listitem")).toHaveLength(3);
    expect(screen.getByTestId("banks-summary").textContent).toBe("Подключено 1 из 3");
    expect(screen.queryByTestId("banks-loading")).toBeNull();
  });

  it("shows the empty state when no bank is configured", async () => {
    renderBanks(() => json(200, { banks: [] }));
    expect((await screen.findByTestId("banks-empty")).textContent).toMatch(/не настроены/);
    expect(screen.queryByTestId("bank-list")).toBeNull();
  });

  it("shows the error with its request id, and retries", async () => {
    let fail = true;
    const server = renderBanks(() =>
      fail
        ? json(500, { error: { status: 500, code: "INTERNAL_ERROR", message: "boom", details: [], request_id: "req-9" } })
        : json(200, BANKS),
    );

    const error = await screen.findByTestId("banks-error");
    expect(error.getAttribute("role")).toBe("alert");
    expect(error.textContent).toMatch(/Не удалось загрузить список банков/);
    expect(error.textContent).toMatch(/Сервер временно недоступен/);
    expect(error.textContent).toMatch(/req-9/);

    fail = false;
    await userEvent.click(screen.getByTestId("banks-retry"));
    expect(await screen.findByTestId("bank-row-sbank")).toBeTruthy();
    expect(screen.queryByTestId("banks-error")).toBeNull();
    expect(server.calls).toHaveLength(2);
  });
});
