/**
 * Confirm once per attempt (lib/attempt): the attempt is marked sent before the request leaves, a
 * second click while it is on its way sends nothing, a reload after Confirm sends the same request
 * again (the server answers with what it already did), and 409 IDEMPOTENCY_IN_PROGRESS is asked
 * again after 2 s. Used by the payment, deposit and refinance confirmations.
 */
import { useEffect, useRef, useState } from "react";
import { ApiError, NETWORK_ERROR } from "../api/errors";
import type { Keyed, Store, StoredOf } from "../lib/attempt";

interface Attempts<A extends Keyed, Q> {
  save(store: Store, attempt: A, quote: Q, sent: boolean, now?: number): StoredOf<A, Q>;
  clear(store: Store): void;
}

export interface SendOnce {
  readonly confirm: () => void;
  readonly pending: boolean;
  readonly sent: boolean;
  readonly error: Error | null;
  /** The answer did not arrive (network, 5xx, 409): the action may have happened, ask again. */
  readonly retryable: boolean;
  /** Sent and no final answer: a changed form (a new key) could do it twice. */
  readonly outcomeUnknown: boolean;
}

export function useSendOnce<A extends Keyed, Q, R>(
  stored: StoredOf<A, Q>,
  attempts: Attempts<A, Q>,
  send: (attempt: A) => Promise<R>,
  onDone: (result: R) => void,
): SendOnce {
  const sending = useRef(false);
  const [current, setCurrent] = useState(stored);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<Error | null>(null);

  async function confirm() {
    if (sending.current) return;
    sending.current = true;
    setPending(true);
    setError(null);
    setCurrent(attempts.save(sessionStorage, current.attempt, current.quote, true, current.at));
    try {
      const result = await send(current.attempt);
      attempts.clear(sessionStorage);
      onDone(result);
    } catch (caught) {
      sending.current = false;
      setError(caught instanceof Error ? caught : new Error(String(caught)));
      if (caught instanceof ApiError && caught.code === "IDEMPOTENCY_IN_PROGRESS") setTimeout(() => void confirm(), 2_000);
    } finally {
      setPending(false);
    }
  }

  useEffect(() => {
    // Reloaded after Confirm: ask again with the same key — the server answers with what it did.
    if (stored.sent) void confirm();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, for the attempt the page opened with
  }, []);

  const retryable = error instanceof ApiError && (error.code === NETWORK_ERROR || error.status >= 500 || error.status === 409);
  return {
    confirm: () => void confirm(),
    pending,
    sent: current.sent,
    error,
    retryable,
    outcomeUnknown: current.sent && (!error || retryable),
  };
}
