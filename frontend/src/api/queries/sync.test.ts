import { describe, expect, it } from "vitest";
import { ApiError } from "../errors";
import { isRunning, runningSyncId } from "./sync";

describe("sync queries", () => {
  it("reads the running sync's id from a 409 SYNC_RUNNING, and nothing from other errors", () => {
    const running = new ApiError({
      status: 409,
      code: "SYNC_RUNNING",
      message: "A sync is already running",
      details: [{ field: "sync_id", message: "20261201T210433869Z-fcfa511b" }],
    });
    expect(runningSyncId(running)).toBe("20261201T210433869Z-fcfa511b");
    expect(runningSyncId(new ApiError({ status: 409, code: "CONFLICT", message: "" }))).toBeUndefined();
    expect(runningSyncId(new Error("x"))).toBeUndefined();
  });

  it("polls only while the sync runs", () => {
    expect(isRunning({ sync_id: "s", state: "running", source: "api", started_at: "t" })).toBe(true);
    for (const state of ["succeeded", "partial", "failed", "superseded"] as const) {
      expect(isRunning({ sync_id: "s", state, source: "api", started_at: "t" })).toBe(false);
    }
    expect(isRunning(null)).toBe(false);
  });
});
