import { useState } from "react";
import { useAccounts, useBankNames, useBanks, useConsents, useIdentities, useStartSync, useSync } from "../../api/queries";
import { ErrorView } from "../../ui/ErrorView";
import { Skeleton } from "../../ui/States";
import { SyncProgress } from "../../ui/SyncProgress";
import { BankConnection } from "./BankConnection";

/** Every bank: consents with expiry, renewal, revocation, reconnection, health and freshness. */
export function ConnectionsPage() {
  const consents = useConsents();
  const banks = useBanks();
  const accounts = useAccounts();
  const identities = useIdentities();
  const names = useBankNames();
  const start = useStartSync();
  const [syncId, setSyncId] = useState<string | null>(null);
  const sync = useSync(syncId);

  const health = new Map((banks.data?.banks ?? []).map((b) => [b.bank_id, b.health]));
  const freshness = new Map((accounts.data?.freshness ?? []).map((f) => [f.bank_id, f]));
  const verified = new Map((identities.data?.identities ?? []).map((i) => [i.bank_id, i.verified ?? false]));

  async function refreshNow() {
    const started = await start.mutateAsync({ force: true });
    setSyncId(started.syncId);
  }

  return (
    <div className="page" data-testid="connections">
      <div className="page__head">
        <div>
          <h1 className="page__title">Банки</h1>
          <p className="muted">Согласия, сроки и свежесть данных по каждому банку.</p>
        </div>
        <button
          type="button"
          className="button button--primary"
          onClick={() => void refreshNow().catch(() => undefined)}
          disabled={start.isPending || sync.data?.state === "running"}
          data-testid="refresh-now"
        >
          {sync.data?.state === "running" ? "Обновляем…" : "Обновить сейчас"}
        </button>
      </div>
      {start.isError && <ErrorView error={start.error} title="Не удалось начать обновление" />}
      {syncId && (
        <section className="card" aria-label="Ход обновления" data-testid="refresh-progress">
          {start.data?.alreadyRunning && (
            <p className="notice" role="status" data-testid="sync-already-running">
              Обновление уже идёт — показываем его ход.
            </p>
          )}
          {sync.data ? <SyncProgress sync={sync.data} bankNames={names} /> : <Skeleton lines={2} />}
        </section>
      )}
      {consents.isPending && <Skeleton lines={6} label="Загружаем банки…" />}
      {consents.isError && <ErrorView error={consents.error} onRetry={() => void consents.refetch()} />}
      {consents.data?.banks.map((bank) => (
        <BankConnection
          key={bank.bank_id}
          bank={bank}
          health={health.get(bank.bank_id)}
          freshness={freshness.get(bank.bank_id)}
          verified={verified.get(bank.bank_id)}
        />
      ))}
    </div>
  );
}
