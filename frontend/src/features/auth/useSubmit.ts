import { useCallback, useRef, useState } from "react";
import { userMessage } from "../../lib/messages";

/** One form action at a time, with its pending state and its Russian error message. */
export function useSubmit() {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const busy = useRef(false);
  const run = useCallback(async (action: () => Promise<void>, onError?: (error: unknown) => void) => {
    if (busy.current) return;
    busy.current = true;
    setPending(true);
    setError(null);
    try {
      await action();
    } catch (caught) {
      setError(userMessage(caught));
      onError?.(caught);
    } finally {
      busy.current = false;
      setPending(false);
    }
  }, []);
  return { pending, error, setError, run };
}
