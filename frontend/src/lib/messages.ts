import { ApiError } from "../api/errors";
import { AuthError } from "../auth/errors";

/** The Russian message to show for any error a screen may get. */
export function userMessage(error: unknown): string {
  if (error instanceof ApiError) return error.userMessage;
  if (error instanceof AuthError) return error.message;
  return "Что-то пошло не так. Попробуйте ещё раз.";
}

/** Support reference for an error, when the server gave one. */
export function requestIdOf(error: unknown): string | undefined {
  return error instanceof ApiError ? error.requestId : undefined;
}
