import type { SyncRecord } from "../api/models";
import { Badge } from "./Badge";
import { BANK_SYNC_STATE, SYNC_STATE, bankErrorText, countsText } from "./wording";

/** Per-bank progress of one sync, as the API reports it while it runs and after it ends. */
export function SyncProgress({ sync, bankNames }: { sync: SyncRecord; bankNames: Readonly<Record<string, string>> }) {
  const overall = SYNC_STATE[sync.state];
  const banks = Object.values(sync.banks ?? {}).sort((a, b) => a.bank_id.localeCompare(b.bank_id));
  return (
    <section className="sync-progress" aria-live="polite" data-testid="sync-progress" data-state={sync.state}>
      <p className="sync-progress__title">
        {sync.state === "running" && <span className="spinner" aria-hidden="true" />}
        <Badge tone={overall.tone} testId="sync-state">
          {overall.label}
        </Badge>
      </p>
      {banks.length === 0 && sync.state === "running" && <p className="muted">Готовим список банков…</p>}
      {banks.length === 0 && sync.state !== "running" && (
        <p className="muted">Нет подключённых банков, которые нужно обновить.</p>
      )}
      <ul className="sync-progress__banks">
        {banks.map((bank) => {
          const state = BANK_SYNC_STATE[bank.state];
          return (
            <li key={bank.bank_id} data-testid={`sync-bank-${bank.bank_id}`} data-state={bank.state}>
              <span className="sync-progress__bank">{bankNames[bank.bank_id] ?? bank.bank_id}</span>
              <Badge tone={state.tone}>{state.label}</Badge>
              {bank.state !== "failed" && <span className="sync-progress__counts">{countsText(bank.counts)}</span>}
              {bank.error && bank.state !== "ok" && (
                <span className="sync-progress__error" data-testid="sync-bank-error">
                  {bankErrorText(bank.error)}
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
