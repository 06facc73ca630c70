import { Link } from "react-router";
import { useLatestSync } from "../../api/queries";
import { useFormat } from "../../ui/useFormat";

/** The header's view of the latest sync: running, done (how long ago) or partial/failed; links to it. */
export function SyncIndicator() {
  const latest = useLatestSync();
  const format = useFormat();
  const sync = latest.data?.sync;
  if (!sync) return null;
  const stale = Object.values(sync.banks ?? {}).filter((b) => b.state === "failed" || b.state === "partial").length;
  let text: string;
  let tone: string;
  if (sync.state === "running") {
    [text, tone] = ["Обновляем данные…", "info"];
  } else if (sync.state === "succeeded" || (sync.state === "partial" && stale === 0)) {
    [text, tone] = [`Обновлено ${format.relative(sync.finished_at ?? sync.started_at)}`, "ok"];
  } else if (sync.state === "partial") {
    [text, tone] = [`Обновлено не всё: ${stale} ${stale === 1 ? "банк" : "банка"} с ошибкой`, "warn"];
  } else {
    [text, tone] = ["Не удалось обновить данные", "danger"];
  }
  return (
    <Link
      to={`/sync/${sync.sync_id}`}
      className={`sync-indicator sync-indicator--${tone}`}
      data-testid="sync-indicator"
      data-state={sync.state}
      title="Подробности последней синхронизации"
    >
      {sync.state === "running" ? <span className="spinner" aria-hidden="true" /> : <span className="dot" aria-hidden="true" />}
      <span>{text}</span>
    </Link>
  );
}
