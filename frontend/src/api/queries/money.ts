/** The money picture: the dashboard (every figure, cached per data version), transactions and spending. */
import { keepPreviousData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useApi } from "../../context";
import type { ApiClient } from "../client";
import { unwrap } from "../client";
import type { SpendingGroup, TransactionFilters, TransactionView } from "../models";
import { keys } from "./keys";

/** GET /api/dashboard: one answer feeds home and every details page (loans, cards, plan, …). */
export function useDashboard() {
  const api = useApi();
  return useQuery({
    queryKey: keys.dashboard,
    queryFn: ({ signal }) => unwrap(api.GET("/api/dashboard", { signal })),
    staleTime: 60_000,
  });
}

const PAGE = 50;
const EXPORT_PAGE = 200;

function transactionsQuery(filters: TransactionFilters, limit: number, cursor: string | undefined) {
  return {
    ...filters,
    limit,
    ...(cursor ? { cursor } : {}),
  };
}

/** GET /api/transactions with filters, page by page (cursor), newest first. */
export function useTransactions(filters: TransactionFilters) {
  const api = useApi();
  return useInfiniteQuery({
    queryKey: keys.transactions(filters),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      unwrap(api.GET("/api/transactions", { params: { query: transactionsQuery(filters, PAGE, pageParam) }, signal })),
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** Every transaction the filters select, all pages (for the CSV export). */
export async function fetchAllTransactions(api: ApiClient, filters: TransactionFilters): Promise<TransactionView[]> {
  const rows: TransactionView[] = [];
  let cursor: string | undefined;
  do {
    const page = await unwrap(api.GET("/api/transactions", { params: { query: transactionsQuery(filters, EXPORT_PAGE, cursor) } }));
    rows.push(...page.transactions);
    cursor = page.next_cursor ?? undefined;
  } while (cursor);
  return rows;
}

export interface SpendingParams {
  readonly group_by: SpendingGroup;
  readonly from?: string;
  readonly to?: string;
}

/** GET /api/spending for a date range, grouped by category, merchant or month. */
export function useSpending(params: SpendingParams, enabled = true) {
  const api = useApi();
  return useQuery({
    queryKey: keys.spending(params),
    enabled,
    queryFn: ({ signal }) => unwrap(api.GET("/api/spending", { params: { query: params }, signal })),
    placeholderData: keepPreviousData,
  });
}
