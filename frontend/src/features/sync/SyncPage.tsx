import { Link, useParams } from "react-router";
import { useBankNames, useSync } from "../../api/queries";
import { ErrorView } from "../../ui/ErrorView";
import { Skeleton } from "../../ui/States";
import { SyncProgress } from "../../ui/SyncProgress";
import { useFormat } from "../../ui/useFormat";

/** One sync's progress, live while it runs (the header indicator links here). */
export function SyncPage() {
  const { syncId = "" } = useParams();
  const sync = useSync(syncId);
  const names = useBankNames();
  const format = useFormat();
  return (
    <div className="page" data-testid="sync-page">
      <h1 className="page__title">Синхронизация</h1>
      <section className="card">
        {sync.isPending && <Skeleton label="Загружаем ход синхронизации…" />}
        {sync.isError && <ErrorView error={sync.error} onRetry={() => void sync.refetch()} />}
        {sync.data && (
          <>
            <p className="muted">
              Начата {format.dateTime(sync.data.started_at)}
              {sync.data.finished_at && `, закончена ${format.dateTime(sync.data.finished_at)}`}
            </p>
            <SyncProgress sync={sync.data} bankNames={names} />
          </>
        )}
      </section>
      <p>
        <Link to="/connections">К подключённым банкам</Link>
      </p>
    </div>
  );
}
