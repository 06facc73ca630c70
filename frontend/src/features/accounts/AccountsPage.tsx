import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { withFilter, type TransactionFilters, type TransactionView } from "../../api/models";
import { fetchAllTransactions, useAccounts, useBankNames, useBanks, useTransactions } from "../../api/queries";
import { useApi } from "../../context";
import { userMessage } from "../../lib/messages";
import { useSearchParamsUpdate } from "../../lib/searchParams";
import { ErrorView } from "../../ui/ErrorView";
import { StaleBanners } from "../../ui/StaleBanners";
import { Empty, Skeleton } from "../../ui/States";
import { useFormat, type Format } from "../../ui/useFormat";
import { AccountsList, accountLabel } from "./AccountsList";
import { downloadCsv, toCsv } from "./csv";
import { TransactionFiltersForm } from "./TransactionFilters";

const FILTER_KEYS = ["bank_id", "account_id", "from", "to", "direction", "category", "q"] as const;

export type FilterUpdate = (current: TransactionFilters) => TransactionFilters;

function filtersFrom(params: URLSearchParams): TransactionFilters {
  return FILTER_KEYS.reduce<TransactionFilters>((f, key) => withFilter(f, key, params.get(key) ?? undefined), {});
}

/** Accounts with both balances, and every transaction: filters in the address, pages as you scroll, CSV. */
export function AccountsPage() {
  const [params, updateParams] = useSearchParamsUpdate();
  const filters = useMemo(() => filtersFrom(params), [params]);
  const setFilters = useCallback(
    (update: FilterUpdate) =>
      updateParams((current) => {
        const next = update(filtersFrom(current));
        const query = new URLSearchParams();
        for (const key of FILTER_KEYS) {
          const value = next[key];
          if (value) query.set(key, String(value));
        }
        return query;
      }),
    [updateParams],
  );
  const accounts = useAccounts();
  const banks = useBanks();
  const names = useBankNames();
  const format = useFormat();
  const list = useMemo(() => (banks.data?.banks ?? []).filter((b) => b.connected).map((b) => ({ bank_id: b.bank_id, name: b.name })), [banks.data]);

  if (accounts.isPending) return <Skeleton lines={8} label="Загружаем счета…" />;
  if (accounts.isError) return <ErrorView error={accounts.error} onRetry={() => void accounts.refetch()} />;
  return (
    <div className="page" data-testid="accounts-page">
      <h1 className="page__title">Счета и операции</h1>
      <StaleBanners freshness={accounts.data.freshness} />
      {accounts.data.accounts.length === 0 ? (
        <Empty testId="accounts-empty">Счетов пока нет: подключите банк на странице «Банки».</Empty>
      ) : (
        <AccountsList
          accounts={accounts.data.accounts}
          freshness={accounts.data.freshness}
          names={names}
          format={format}
          onPick={(bank, account) => setFilters((f) => withFilter(withFilter(f, "bank_id", bank), "account_id", account))}
        />
      )}
      <Transactions filters={filters} setFilters={setFilters} banks={list} accounts={accounts.data.accounts} names={names} format={format} />
    </div>
  );
}

function Transactions({
  filters,
  setFilters,
  banks,
  accounts,
  names,
  format,
}: {
  filters: TransactionFilters;
  setFilters: (update: FilterUpdate) => void;
  banks: ReadonlyArray<{ bank_id: string; name: string }>;
  accounts: Parameters<typeof TransactionFiltersForm>[0]["accounts"];
  names: Readonly<Record<string, string>>;
  format: Format;
}) {
  const badRange = Boolean(filters.from && filters.to && filters.to < filters.from);
  const query = useTransactions(badRange ? withFilter(filters, "to", undefined) : filters);
  const pages = query.data?.pages ?? [];
  const rows = pages.flatMap((p) => p.transactions);
  const categories = pages[0]?.categories ?? [];
  const byId = useMemo(() => new Map(accounts.map((a) => [`${a.bank_id}/${a.account_id}`, a])), [accounts]);
  const sentinel = useRef<HTMLDivElement>(null);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;

  useEffect(() => {
    // The next page loads as the end of the list scrolls into view.
    const node = sentinel.current;
    if (!node || !hasNextPage || typeof IntersectionObserver === "undefined") return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting) && !isFetchingNextPage) void fetchNextPage();
    }, { rootMargin: "400px" });
    observer.observe(node);
    return () => observer.disconnect();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  return (
    <section className="card" aria-labelledby="tx-title" data-testid="transactions">
      <header className="card__header">
        <h2 id="tx-title">Операции</h2>
        <ExportButton filters={filters} names={names} byId={byId} format={format} disabled={rows.length === 0} />
      </header>
      <TransactionFiltersForm filters={filters} onChange={setFilters} banks={banks} accounts={accounts} categories={categories} />
      {query.isPending && <Skeleton lines={6} label="Загружаем операции…" />}
      {query.isError && <ErrorView error={query.error} onRetry={() => void query.refetch()} />}
      {query.data && rows.length === 0 && <Empty testId="tx-empty">Операций с такими условиями нет. Измените фильтры.</Empty>}
      <div aria-busy={query.isFetching} data-testid="tx-rows">
        <TransactionRows rows={rows} names={names} byId={byId} format={format} />
      </div>
      <div ref={sentinel} />
      {hasNextPage && (
        <button type="button" className="button button--secondary" onClick={() => void fetchNextPage()} disabled={isFetchingNextPage} data-testid="tx-more">
          {isFetchingNextPage ? "Загружаем…" : "Показать ещё"}
        </button>
      )}
      {query.data && !hasNextPage && rows.length > 0 && (
        <p className="muted small" data-testid="tx-end">
          Показаны все операции: {rows.length}.
        </p>
      )}
    </section>
  );
}

function TransactionRows({
  rows,
  names,
  byId,
  format,
}: {
  rows: readonly TransactionView[];
  names: Readonly<Record<string, string>>;
  byId: ReadonlyMap<string, Parameters<typeof accountLabel>[0]>;
  format: Format;
}) {
  const groups: Array<[string, TransactionView[]]> = [];
  for (const tx of rows) {
    const day = format.date(tx.booked_at);
    const last = groups.at(-1);
    if (last && last[0] === day) last[1].push(tx);
    else groups.push([day, [tx]]);
  }
  return (
    <>
      {groups.map(([day, txs]) => (
        <div key={`${day}-${txs[0]?.transaction_id}`}>
          <h3 className="tx-day">{day}</h3>
          <ul className="tx-list">
            {txs.map((tx) => {
              const title = tx.merchant_name || tx.counterparty_name || tx.description;
              return (
                <li key={`${tx.bank_id}/${tx.account_id}/${tx.transaction_id}`} className="tx" data-testid="tx-row" data-id={tx.transaction_id}>
                  <span className="tx__title">{title}</span>
                  <span className={`tx__amount amount ${tx.direction === "in" ? "amount--in" : "amount--out"}`} data-testid="tx-amount">
                    {format.signed(tx.amount, tx.currency)}
                  </span>
                  <span className="tx__meta">
                    {[tx.category_label, tx.merchant_name && tx.description !== title ? tx.description : null, names[tx.bank_id] ?? tx.bank_id, accountLabel(byId.get(`${tx.bank_id}/${tx.account_id}`))]
                      .filter(Boolean)
                      .join(" · ")}
                  </span>
                  {tx.status === "pending" && <span className="tx__meta">в обработке</span>}
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </>
  );
}

function ExportButton({
  filters,
  names,
  byId,
  format,
  disabled,
}: {
  filters: TransactionFilters;
  names: Readonly<Record<string, string>>;
  byId: ReadonlyMap<string, Parameters<typeof accountLabel>[0]>;
  format: Format;
  disabled: boolean;
}) {
  const api = useApi();
  const [state, setState] = useState<{ busy: boolean; error?: string }>({ busy: false });
  async function exportAll() {
    setState({ busy: true });
    try {
      const rows = await fetchAllTransactions(api, filters);
      const text = toCsv(rows, {
        timeZone: format.timeZone,
        bankName: (b) => names[b] ?? b,
        accountName: (b, a) => accountLabel(byId.get(`${b}/${a}`)) || a,
      });
      downloadCsv(text, `finpulse-operations-${new Date().toISOString().slice(0, 10)}.csv`);
      setState({ busy: false });
    } catch (error) {
      setState({ busy: false, error: userMessage(error) });
    }
  }
  return (
    <div className="export">
      <button type="button" className="button button--secondary button--small" onClick={() => void exportAll()} disabled={disabled || state.busy} data-testid="tx-export">
        {state.busy ? "Готовим файл…" : "Скачать CSV"}
      </button>
      {state.error && (
        <p className="field__error" role="alert">
          {state.error}
        </p>
      )}
    </div>
  );
}
