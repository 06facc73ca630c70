import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { Boot } from "./Boot";
import { ConfigError, type AppConfig } from "./config";
import { TEST_CONFIG } from "./test/render";

describe("Boot", () => {
  it("shows a loading screen, then the sign-in form once the config is loaded", async () => {
    let resolve!: (config: AppConfig) => void;
    const load = vi.fn(() => new Promise<AppConfig>((r) => (resolve = r)));
    render(<Boot load={load} />);

    expect(screen.getByTestId("app-loading").textContent).toMatch(/Загрузка FinPulse/);
    resolve(TEST_CONFIG);
    expect(await screen.findByTestId("signin-form")).toBeTruthy();
  });

  it("explains a broken config.json and retries", async () => {
    const load = vi
      .fn<() => Promise<AppConfig>>()
      .mockRejectedValueOnce(new ConfigError("В настройках не задано поле «userPoolId»."))
      .mockResolvedValueOnce(TEST_CONFIG);
    render(<Boot load={load} />);

    const error = await screen.findByTestId("config-error");
    expect(error.textContent).toMatch(/«userPoolId»/);
    await userEvent.click(screen.getByRole("button", { name: "Повторить" }));
    expect(await screen.findByTestId("signin-form")).toBeTruthy();
    expect(load).toHaveBeenCalledTimes(2);
  });
});
