import { describe, expect, it } from "vitest";
import { draftFrom, parsePaydays, toInputsBody } from "./inputsForm";

const empty = draftFrom(undefined, "Europe/Moscow");

describe("goals form", () => {
  it("sends only what was filled in; an empty form keeps the defaults", () => {
    expect(toInputsBody(empty, "2026-12-01").body).toEqual({
      salary: null,
      paydays: [],
      savings_goal_amount: null,
      savings_goal_date: null,
      strategy: "avalanche",
      repayment_speed: "balanced",
      safety_buffer: null,
      timezone: "Europe/Moscow",
      credit_payment_overrides: [],
    });
    const filled = toInputsBody({ ...empty, salary: "120 000", paydays: "20, 5", goalAmount: "300000,50", goalDate: "2027-06-01" }, "2026-12-01");
    expect(filled.body).toMatchObject({ salary: "120000.00", paydays: [5, 20], savings_goal_amount: "300000.50", savings_goal_date: "2027-06-01" });
  });

  it("keeps the loan payments the user entered: the save replaces the whole set", () => {
    const override = { bank_id: "vbank", agreement_id: "loan-1", monthly_payment: "12000.00", due_day: 15 };
    const stored = { ...draftFrom({ stored: true, timezone: "Europe/Moscow", paydays: [], credit_payment_overrides: [override], strategy: "snowball", repayment_speed: "fast", data_version: 3 }, "UTC") };
    expect(stored.strategy).toBe("snowball");
    expect(toInputsBody({ ...stored, goalAmount: "5000" }, "2026-12-01").body?.credit_payment_overrides).toEqual([override]);
  });

  it("explains each wrong field in Russian", () => {
    const { errors, body } = toInputsBody({ ...empty, salary: "много", paydays: "5, 40", goalDate: "2026-11-01" }, "2026-12-01");
    expect(body).toBeUndefined();
    expect(errors.salary).toMatch(/Сумма в рублях/);
    expect(errors.paydays).toMatch(/от 1 до 31/);
    expect(errors.goalAmount).toMatch(/Укажите сумму цели/);
    expect(errors.goalDate).toMatch(/позже сегодняшнего/);
  });

  it("reads paydays like a person writes them", () => {
    expect(parsePaydays("5 20")).toEqual([5, 20]);
    expect(parsePaydays("10; 25")).toEqual([10, 25]);
    expect(parsePaydays("5, 5")).toBeNull();
    expect(parsePaydays("1,2,3,4,5")).toBeNull();
  });
});
