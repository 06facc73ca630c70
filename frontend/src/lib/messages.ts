import { ApiError } from "../api/errors";
import { AuthError } from "../auth/errors";

/** The Russian message to show for any error a screen may get. */
export function userMessage(error: unknown): string {
  if (error instanceof ApiError) return error.userMessage;
  if (error instanceof AuthError) return error.message;
  return "Что-то пошло не так. Попробуйте ещё раз.";
}

/**
 * The message for an error of a once-only action (payment, deposit, refinance): the two answers
 * about its Idempotency-Key name the action — `action` as it follows «Заявка на» («платёж»,
 * «открытие вклада», …).
 */
export function onceMessage(error: unknown, action: string): string {
  if (error instanceof ApiError && error.code === "IDEMPOTENCY_KEY_REUSED")
    return `Заявка на ${action} уже отправлялась с другими данными. Начните заново.`;
  if (error instanceof ApiError && error.code === "IDEMPOTENCY_IN_PROGRESS")
    return `Заявка на ${action} ещё обрабатывается. Подождите несколько секунд.`;
  return userMessage(error);
}

/** Support reference for an error, when the server gave one. */
export function requestIdOf(error: unknown): string | undefined {
  return error instanceof ApiError ? error.requestId : undefined;
}
