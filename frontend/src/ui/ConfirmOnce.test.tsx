import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ApiError } from "../api/errors";
import { ConfirmOnce } from "./ConfirmOnce";
import type { SendOnce } from "./useSendOnce";

function refused(code: string, status: number, action: string): string {
  const error = new ApiError({ status, code, message: "refused" });
  const state: SendOnce = { confirm: () => {}, pending: false, sent: true, error, retryable: status === 409, outcomeUnknown: status === 409 };
  const props = { lostTitle: "lost", refusedTitle: "refused", retryHint: "", keyNote: "", attemptKey: "k", onChange: () => {}, testId: "t" };
  const { unmount } = render(<ConfirmOnce state={state} action={action} canConfirm label="go" sendingLabel="…" {...props} />);
  const text = screen.getByTestId("error-message").textContent ?? "";
  unmount();
  return text;
}

describe("ConfirmOnce", () => {
  it("names its own action when the key was used with other data or is still being processed", () => {
    expect(refused("IDEMPOTENCY_KEY_REUSED", 422, "открытие вклада")).toBe(
      "Заявка на открытие вклада уже отправлялась с другими данными. Начните заново.",
    );
    expect(refused("IDEMPOTENCY_IN_PROGRESS", 409, "рефинансирование")).toBe(
      "Заявка на рефинансирование ещё обрабатывается. Подождите несколько секунд.",
    );
    expect(refused("IDEMPOTENCY_KEY_REUSED", 422, "закрытие вклада")).not.toMatch(/платёж/i);
  });

  it("shows any other refusal in the error's own words", () => {
    expect(refused("INSUFFICIENT_FUNDS", 422, "платёж")).toBe("На счёте списания не хватает денег.");
  });
});
