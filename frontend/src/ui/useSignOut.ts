import { useState } from "react";
import { useSessionManager } from "../context";
import { userMessage } from "../lib/messages";

/** Sign-out here, and on every device (Cognito's GlobalSignOut) with its busy state and error. */
export function useSignOut() {
  const manager = useSessionManager();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function everywhere() {
    setBusy(true);
    setError(null);
    try {
      await manager.signOutEverywhere();
    } catch (caught) {
      setError(userMessage(caught));
      setBusy(false);
    }
  }
  return { here: () => manager.signOut("user"), everywhere, busy, error };
}
