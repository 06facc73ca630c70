/**
 * Payments: the quote (asks the bank for the available balance, creates nothing), the payment
 * itself under one Idempotency-Key per attempt, its status until final, and the history.
 */
import type { QueryClient} from "@tanstack/react-query";
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo } from "react";
import { useApi } from "../../context";
import { PAYMENT_POLL, backoffInterval } from "../../lib/polling";
import { unwrap } from "../client";
import type { PaymentKindName, PaymentRequest, PaymentView, PaymentsFilters, PaymentQuoteRequest } from "../models";
import { keys } from "./keys";

export function useQuote() {
  const api = useApi();
  return useMutation({ mutationFn: (body: PaymentQuoteRequest) => unwrap(api.POST("/api/payments/quote", { body })) });
}

export interface PayAttempt {
  readonly kind: PaymentKindName;
  /** Generated once per attempt: the same key for every retry of it, so the bank is paid once. */
  readonly key: string;
  readonly body: PaymentRequest;
}

const PAY_PATHS = { mdp: "/api/payments/mdp", adp: "/api/payments/adp", sdp: "/api/payments/sdp" } as const;

/** POST /api/payments/{kind} with the attempt's Idempotency-Key (retries send the same key). */
export async function sendPayment(api: ReturnType<typeof useApi>, attempt: PayAttempt): Promise<PaymentView> {
  return unwrap(
    api.POST(PAY_PATHS[attempt.kind], {
      params: { header: { "idempotency-key": attempt.key } },
      body: attempt.body,
    }),
  ) as Promise<PaymentView>;
}

export function usePay() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (attempt: PayAttempt) => sendPayment(api, attempt),
    onSuccess: (payment) => {
      client.setQueryData(keys.payment(payment.payment_id), payment);
      void client.invalidateQueries({ queryKey: ["payments"] });
    },
  });
}

const open = (p: PaymentView | undefined): boolean => p !== undefined && !p.final;

/** GET /api/payments/{id}, followed with back-off until the payment is final. */
export function usePayment(id: string) {
  const api = useApi();
  const refetchInterval = useMemo(() => backoffInterval(open, PAYMENT_POLL), []);
  const query = useQuery({
    queryKey: keys.payment(id),
    queryFn: ({ signal }) => unwrap(api.GET("/api/payments/{payment_id}", { params: { path: { payment_id: id } }, signal })),
    refetchInterval: (q) => refetchInterval(q.state.data),
  });
  useBalancesAfter(query.data);
  return query;
}

/**
 * Every figure a completed payment changes, refetched now and again while the banks re-sync in the
 * background (the loan's outstanding, the balances, the next MDP) — whichever screen is open then.
 */
const AFTER_PAYMENT_MS = [0, 3_000, 8_000, 15_000, 30_000];
const refreshed = new Set<string>();

export function refreshAfterPayment(client: QueryClient, paymentId: string): void {
  if (refreshed.has(paymentId)) return;
  refreshed.add(paymentId);
  for (const ms of AFTER_PAYMENT_MS) {
    setTimeout(() => {
      for (const key of [keys.dashboard, keys.accounts, ["transactions"], ["spending"], ["payments"]]) {
        void client.invalidateQueries({ queryKey: key });
      }
    }, ms);
  }
}

function useBalancesAfter(payment: PaymentView | undefined) {
  const client = useQueryClient();
  const completed = payment?.status === "completed" ? payment.payment_id : null;
  useEffect(() => {
    if (completed) refreshAfterPayment(client, completed);
  }, [completed, client]);
}

/** GET /api/payments with filters, newest first, page by page. */
export function usePayments(filters: PaymentsFilters) {
  const api = useApi();
  return useInfiniteQuery({
    queryKey: keys.payments(filters),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      unwrap(api.GET("/api/payments", { params: { query: { ...filters, limit: 20, ...(pageParam ? { cursor: pageParam } : {}) } }, signal })),
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}
