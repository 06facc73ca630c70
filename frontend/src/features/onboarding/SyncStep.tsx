import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { useNavigate } from "react-router";
import type { OnboardingProgress } from "../../api/models";
import { isRunning, useBankNames, useStartSync, useSync } from "../../api/queries";
import { ErrorView } from "../../ui/ErrorView";
import { Loading } from "../../ui/States";
import { SyncProgress } from "../../ui/SyncProgress";
import type { SaveProgress } from "./OnboardingPage";

/** Step 4: the first full refresh, bank by bank; it ends on the home page. */
export function SyncStep({ progress, save }: { progress: OnboardingProgress; save: SaveProgress }) {
  const start = useStartSync();
  const started = useRef(false);
  const syncId = progress.sync_id ?? null;
  const sync = useSync(syncId);
  const names = useBankNames();
  const navigate = useNavigate();
  const client = useQueryClient();

  const begin = () => {
    started.current = true;
    start
      .mutateAsync({})
      .then((s) => save({ step: "sync", sync_id: s.syncId }))
      .catch(() => undefined); // shown below
  };
  useEffect(() => {
    if (!syncId && !started.current) begin();
  });

  const finished = sync.data && !isRunning(sync.data);
  async function finish() {
    await save({ step: "done" });
    await client.invalidateQueries();
    navigate("/", { replace: true });
  }

  return (
    <section className="card step" data-testid="step-sync">
      <h2>Загружаем ваши данные</h2>
      <p className="muted">FinPulse забирает счета, остатки и операции из каждого банка. Обычно это занимает меньше минуты.</p>
      {start.isError && <ErrorView error={start.error} title="Не удалось начать загрузку" onRetry={begin} />}
      {!sync.data && !start.isError && <Loading label="Начинаем…" />}
      {sync.isError && <ErrorView error={sync.error} onRetry={() => void sync.refetch()} />}
      {sync.data && <SyncProgress sync={sync.data} bankNames={names} />}
      {finished && (
        <div className="step__actions">
          {sync.data?.state !== "succeeded" && (
            <p className="muted">Банки с ошибкой FinPulse попробует снова сам; обновить вручную можно на странице «Банки».</p>
          )}
          <button type="button" className="button button--primary" onClick={() => void finish().catch(() => undefined)} data-testid="sync-finish">
            Перейти на главную
          </button>
        </div>
      )}
    </section>
  );
}
