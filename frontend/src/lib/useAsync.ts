import { useCallback, useEffect, useState } from "react";
import { isAbortError } from "../api/errors";

export type AsyncState<T> =
  | { readonly status: "loading" }
  | { readonly status: "success"; readonly data: T }
  | { readonly status: "error"; readonly error: unknown };

export type AsyncResult<T> = AsyncState<T> & { readonly reload: () => void };

interface Settled<T> {
  readonly load: (signal: AbortSignal) => Promise<T>;
  readonly attempt: number;
  readonly state: AsyncState<T>;
}

const LOADING = { status: "loading" } as const;

/**
 * Runs `load` (keep it stable with useCallback) and tracks loading / success / error.
 * A new `load` or `reload()` starts over; answers to superseded runs are dropped and
 * their requests aborted.
 */
export function useAsync<T>(load: (signal: AbortSignal) => Promise<T>): AsyncResult<T> {
  const [attempt, setAttempt] = useState(0);
  const [settled, setSettled] = useState<Settled<T> | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setSettled({ load, attempt, state: { status: "success", data } });
      },
      (error: unknown) => {
        if (!controller.signal.aborted && !isAbortError(error)) {
          setSettled({ load, attempt, state: { status: "error", error } });
        }
      },
    );
    return () => controller.abort();
  }, [load, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const state = settled && settled.load === load && settled.attempt === attempt ? settled.state : LOADING;
  return { ...state, reload };
}
