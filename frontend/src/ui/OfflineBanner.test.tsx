import { onlineManager } from "@tanstack/react-query";
import { act, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { OfflineBanner } from "./OfflineBanner";

afterEach(() => onlineManager.setOnline(true));

describe("OfflineBanner", () => {
  it("appears while offline (queries are paused) and goes when the connection is back", () => {
    render(<OfflineBanner />);
    expect(screen.queryByTestId("offline-banner")).toBeNull();
    act(() => onlineManager.setOnline(false));
    expect(screen.getByTestId("offline-banner").textContent).toMatch(/Нет подключения к интернету/);
    act(() => onlineManager.setOnline(true));
    expect(screen.queryByTestId("offline-banner")).toBeNull();
  });
});
