/**
 * Server state defaults: cached and refetched in the background (on focus, on reconnect),
 * retried with back-off only when the server failed (5xx) — a 4xx will not change by asking
 * again, and a mutation is never repeated behind the user's back.
 */
import { QueryClient } from "@tanstack/react-query";
import { ApiError } from "./errors";

export const MAX_RETRIES = 3;

export function shouldRetry(failureCount: number, error: unknown): boolean {
  return failureCount < MAX_RETRIES && error instanceof ApiError && error.status >= 500;
}

export function retryDelay(attempt: number): number {
  return Math.min(8_000, 500 * 2 ** attempt);
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, retryDelay, staleTime: 15_000, refetchOnWindowFocus: true },
      mutations: { retry: false },
    },
  });
}
