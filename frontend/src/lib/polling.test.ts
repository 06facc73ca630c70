import { describe, expect, it } from "vitest";
import { CONSENT_POLL, SYNC_POLL, backoffInterval, pollDelay } from "./polling";

describe("pollDelay", () => {
  it("starts quick, doubles as polling goes on, and never exceeds the cap", () => {
    expect(pollDelay(0, CONSENT_POLL)).toBe(2_000);
    expect(pollDelay(19_999, CONSENT_POLL)).toBe(2_000);
    expect(pollDelay(20_000, CONSENT_POLL)).toBe(4_000);
    expect(pollDelay(60_000, CONSENT_POLL)).toBe(15_000);
    expect(pollDelay(3_600_000, CONSENT_POLL)).toBe(15_000);
    expect(pollDelay(0, SYNC_POLL)).toBe(1_000);
    expect(pollDelay(10 * 60_000, SYNC_POLL)).toBe(5_000);
  });
});

describe("backoffInterval (a refetchInterval)", () => {
  it("polls while the data is pending, backs off, and stops once it is not", () => {
    let now = 0;
    const interval = backoffInterval((d: { pending: boolean }) => d.pending, CONSENT_POLL, () => now);
    expect(interval(undefined)).toBe(false); // nothing loaded yet: the first fetch decides
    expect(interval({ pending: true })).toBe(2_000);
    now = 45_000;
    expect(interval({ pending: true })).toBe(8_000);
    expect(interval({ pending: false })).toBe(false); // approved: polling stops
    now = 50_000;
    expect(interval({ pending: true })).toBe(2_000); // a new pending consent starts quick again
  });
});
