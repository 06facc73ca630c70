import { describe, expect, it } from "vitest";
import { ApiError } from "./errors";
import { MAX_RETRIES, retryDelay, shouldRetry } from "./queryClient";

const error = (status: number) => new ApiError({ status, code: "X", message: "" });

describe("retry policy", () => {
  it("retries server failures (5xx) a few times, never 4xx, the network or other errors", () => {
    expect(shouldRetry(0, error(500))).toBe(true);
    expect(shouldRetry(0, error(503))).toBe(true);
    expect(shouldRetry(MAX_RETRIES, error(503))).toBe(false);
    for (const status of [0, 400, 401, 403, 404, 409, 422, 429]) expect(shouldRetry(0, error(status))).toBe(false);
    expect(shouldRetry(0, new Error("bug"))).toBe(false);
  });

  it("backs off exponentially, capped", () => {
    expect([0, 1, 2, 3, 10].map(retryDelay)).toEqual([500, 1_000, 2_000, 4_000, 8_000]);
  });
});
