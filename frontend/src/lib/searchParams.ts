import { useCallback, useLayoutEffect, useRef } from "react";
import { useSearchParams } from "react-router";

export type SearchParamsUpdate = (update: (current: URLSearchParams) => URLSearchParams) => void;

/**
 * The address's query, and an update that always builds on the updates before it.
 *
 * react-router's functional `setSearchParams` hands the callback the query of the last render, so two
 * changes made before the page re-renders (two filters picked in quick succession) keep only the
 * second. Here every update starts from the newest query written, until the address catches up.
 */
export function useSearchParamsUpdate(): [URLSearchParams, SearchParamsUpdate] {
  const [params, setParams] = useSearchParams();
  const latest = useRef(params);
  const pending = useRef<string[]>([]);
  useLayoutEffect(() => {
    const at = pending.current.indexOf(params.toString());
    // An address we did not write (back button, a link) replaces whatever was pending.
    pending.current = at === -1 ? [] : pending.current.slice(at + 1);
    if (pending.current.length === 0) latest.current = params;
  }, [params]);
  const update = useCallback<SearchParamsUpdate>(
    (change) => {
      const next = change(new URLSearchParams(latest.current));
      if (next.toString() === latest.current.toString()) return;
      latest.current = next;
      pending.current.push(next.toString());
      setParams(next, { replace: true });
    },
    [setParams],
  );
  return [params, update];
}
