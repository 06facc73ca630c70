/**
 * Products and deposits: the catalog with what the product consent allows, a deposit's quote and
 * opening, a deposit's close quote and closing (each under one Idempotency-Key per attempt), and
 * an action's status while its outcome is unknown.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import { useApi } from "../../context";
import { PAYMENT_POLL, backoffInterval } from "../../lib/polling";
import { unwrap } from "../client";
import type { AgreementAction, CloseRequest, OpenRequest, ProductsFilters } from "../models";
import { refreshAfterPayment } from "./payments";
import { keys } from "./keys";

export function useProducts(filters: ProductsFilters) {
  const api = useApi();
  return useQuery({
    queryKey: keys.products(filters),
    queryFn: ({ signal }) => unwrap(api.GET("/api/products", { params: { query: filters }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useOpenQuote() {
  const api = useApi();
  return useMutation({ mutationFn: (body: OpenRequest) => unwrap(api.POST("/api/agreements/quote", { body })) });
}

export interface OpenAttempt {
  readonly key: string;
  readonly body: OpenRequest;
}

export interface CloseAttempt {
  readonly key: string;
  readonly agreementId: string;
  readonly body: CloseRequest;
}

/** Whatever the action changed (the new deposit, the balances, the goal) is asked again. */
function useSettled() {
  const client = useQueryClient();
  return (action: AgreementAction) => {
    client.setQueryData(keys.agreementAction(action.action_id), action);
    if (action.status === "completed") refreshAfterPayment(client, action.action_id);
    void client.invalidateQueries({ queryKey: ["products"] });
  };
}

export function useOpenDeposit() {
  const api = useApi();
  const settled = useSettled();
  return useMutation({
    mutationFn: (a: OpenAttempt) =>
      unwrap(api.POST("/api/agreements", { params: { header: { "idempotency-key": a.key } }, body: a.body })) as Promise<AgreementAction>,
    onSuccess: settled,
  });
}

export function useCloseQuote() {
  const api = useApi();
  return useMutation({
    mutationFn: ({ agreementId, body }: { agreementId: string; body: CloseRequest }) =>
      unwrap(api.POST("/api/agreements/{agreement_id}/close/quote", { params: { path: { agreement_id: agreementId } }, body })),
  });
}

export function useCloseDeposit() {
  const api = useApi();
  const settled = useSettled();
  return useMutation({
    mutationFn: (a: CloseAttempt) =>
      unwrap(
        api.POST("/api/agreements/{agreement_id}/close", {
          params: { path: { agreement_id: a.agreementId }, header: { "idempotency-key": a.key } },
          body: a.body,
        }),
      ) as Promise<AgreementAction>,
    onSuccess: settled,
  });
}

/** GET /api/agreement-actions/{id}, followed with back-off until the action is final. */
export function useAgreementAction(id: string) {
  const api = useApi();
  const client = useQueryClient();
  const refetchInterval = useMemo(() => backoffInterval((a: AgreementAction) => !a.final, PAYMENT_POLL), []);
  return useQuery({
    queryKey: keys.agreementAction(id),
    queryFn: async ({ signal }) => {
      const action = await unwrap(api.GET("/api/agreement-actions/{action_id}", { params: { path: { action_id: id } }, signal }));
      if (action.status === "completed") refreshAfterPayment(client, action.action_id);
      return action;
    },
    refetchInterval: (q) => refetchInterval(q.state.data),
  });
}
