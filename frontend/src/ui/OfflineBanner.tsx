import { onlineManager } from "@tanstack/react-query";
import { useSyncExternalStore } from "react";

const subscribe = (listener: () => void) => onlineManager.subscribe(listener);
const isOnline = () => onlineManager.isOnline();

/** Shown while the browser is offline; TanStack Query pauses requests and resumes them on reconnect. */
export function OfflineBanner() {
  const online = useSyncExternalStore(subscribe, isOnline, () => true);
  if (online) return null;
  return (
    <div className="offline" role="status" data-testid="offline-banner">
      Нет подключения к интернету. Показываем сохранённые данные и обновим их, как только связь вернётся.
    </div>
  );
}
