import { useCallback } from "react";
import { getBanks } from "../api/finpulse";
import { useApi } from "../context";
import { useAsync } from "../lib/useAsync";
import { BankList, connectedSummary } from "./BankList";
import { Empty, ErrorNotice, Loading } from "./Status";

export function BanksSection() {
  const api = useApi();
  const load = useCallback((signal: AbortSignal) => getBanks(api, signal), [api]);
  const banks = useAsync(load);

  return (
    <section className="card" aria-labelledby="banks-title">
      <header className="card__header">
        <h2 id="banks-title">Банки</h2>
        {banks.status === "success" && banks.data.length > 0 && (
          <span className="card__meta" data-testid="banks-summary">
            {connectedSummary(banks.data)}
          </span>
        )}
      </header>
      {banks.status === "loading" && <Loading label="Загружаем список банков…" testId="banks-loading" />}
      {banks.status === "error" && (
        <ErrorNotice
          title="Не удалось загрузить список банков"
          error={banks.error}
          onRetry={banks.reload}
          testId="banks-error"
          retryTestId="banks-retry"
        />
      )}
      {banks.status === "success" &&
        (banks.data.length === 0 ? (
          <Empty testId="banks-empty">Банки пока не настроены. Обратитесь к администратору FinPulse.</Empty>
        ) : (
          <BankList banks={banks.data} />
        ))}
    </section>
  );
}
