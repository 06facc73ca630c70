import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime } from "../lib/format";
import { consentView } from "../test/builders";
import { DataRemoved } from "./DataRemoved";

const ended = (source: "bank" | "user" | "clock", status = "revoked") =>
  consentView(status, {
    expires_at: "2026-11-30T10:00:00Z",
    history: [{ at: "2026-12-01T09:00:00Z", status: status as "revoked", raw_status: "Revoked", source }],
  });

const format = { date: (v: string | Date) => formatDate(v, "Europe/Moscow"), dateTime: (v: string | Date) => formatDateTime(v, "Europe/Moscow") };

describe("DataRemoved", () => {
  it("says the bank ended the consent, how much was deleted, and how to see it again", () => {
    const consent = ended("bank");
    render(<DataRemoved consent={consent} bankName="VBank" format={format} removal={{ at: "2026-12-01T09:00:05Z", deleted_items: 42, reason: "VBank reports this consent revoked", not_deleted: [] }} />);
    const text = screen.getByTestId("data-removed").textContent ?? "";
    expect(text).toMatch(/VBank сообщил, что согласие отозвано в банке\./);
    expect(text).toMatch(/удалил полученные по нему данные — 42 записи/);
    expect(text).toMatch(/Подключите банк снова/);
    expect(screen.queryByTestId("data-not-deleted")).toBeNull();
  });

  it("says when another consent keeps the data, and what is left to delete", () => {
    render(<DataRemoved consent={ended("clock", "expired")} bankName="ABank" format={format} removal={{ at: "2026-12-01T09:00:05Z", deleted_items: 0, reason: "Data kept: consent c2 still covers it", not_deleted: [] }} />);
    expect(screen.getByTestId("data-removed").textContent).toMatch(/Срок согласия истёк .*Данные сохранены/);
    render(<DataRemoved consent={ended("user")} bankName="ABank" format={format} removal={{ at: "2026-12-01T09:00:05Z", deleted_items: 1, reason: "You revoked this consent", not_deleted: ["3 transactions: the table was busy"] }} />);
    expect(screen.getAllByTestId("data-removed")[1]?.textContent).not.toMatch(/Подключите/);
    expect(screen.getByTestId("data-not-deleted").textContent).toMatch(/the table was busy/);
  });
});
