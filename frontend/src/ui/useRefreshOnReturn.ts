import { useEffect } from "react";
import { useRefreshConsents } from "../api/queries";

/**
 * Back from the bank's approval page (another tab): ask the banks now instead of waiting for the
 * next back-off poll, while something still waits for the customer.
 */
export function useRefreshOnReturn(pending: boolean, banks?: readonly string[]) {
  const refresh = useRefreshConsents();
  const busy = refresh.isPending;
  const mutate = refresh.mutate;
  const only = banks?.join(",");
  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === "visible" && pending && !busy) mutate(only ? only.split(",") : undefined);
    };
    document.addEventListener("visibilitychange", onVisible);
    return () => document.removeEventListener("visibilitychange", onVisible);
  }, [pending, busy, mutate, only]);
}
