/**
 * Back-off for polling what the server is still working on (a consent awaiting the customer,
 * a running sync): quick at first, when an answer is most likely, then slower, never slower
 * than `max`. The delay doubles every `doubleEvery` ms of polling.
 */
export interface Backoff {
  readonly first: number;
  readonly max: number;
  readonly doubleEvery: number;
}

export const CONSENT_POLL: Backoff = { first: 2_000, max: 15_000, doubleEvery: 20_000 };
export const SYNC_POLL: Backoff = { first: 1_000, max: 5_000, doubleEvery: 15_000 };

export function pollDelay(elapsedMs: number, backoff: Backoff): number {
  const doublings = Math.max(0, Math.floor(elapsedMs / backoff.doubleEvery));
  return Math.min(backoff.max, backoff.first * 2 ** doublings);
}

/**
 * A `refetchInterval` for TanStack Query: polls with back-off while `active(data)` holds, counted
 * from when it first held, and stops (false) as soon as it does not.
 */
export function backoffInterval<T>(active: (data: T) => boolean, backoff: Backoff, now: () => number = Date.now) {
  let since: number | null = null;
  return (data: T | undefined): number | false => {
    if (data === undefined || !active(data)) {
      since = null;
      return false;
    }
    since ??= now();
    return pollDelay(now() - since, backoff);
  };
}

/** An open payment: asked every 2 s, then less often, at most every 10 s. */
export const PAYMENT_POLL: Backoff = { first: 2_000, max: 10_000, doubleEvery: 20_000 };

/** A running refinance saga: each step takes seconds; asked every second, at most every 5 s. */
export const SAGA_POLL: Backoff = { first: 1_000, max: 5_000, doubleEvery: 15_000 };
