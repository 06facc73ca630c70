/** The refinance saga: its quote, its start under one Idempotency-Key, its progress, and resume. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import { useApi } from "../../context";
import { SAGA_POLL, backoffInterval } from "../../lib/polling";
import { unwrap } from "../client";
import type { RefinanceRequest, RefinanceView } from "../models";
import { refreshAfterPayment } from "./payments";
import { keys } from "./keys";

export function useRefinanceQuote() {
  const api = useApi();
  return useMutation({ mutationFn: (body: RefinanceRequest) => unwrap(api.POST("/api/refinance/quote", { body })) });
}

export interface RefinanceAttempt {
  readonly key: string;
  readonly body: RefinanceRequest;
}

export function useStartRefinance() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (a: RefinanceAttempt) =>
      unwrap(api.POST("/api/refinance", { params: { header: { "idempotency-key": a.key } }, body: a.body })) as Promise<RefinanceView>,
    onSuccess: (r) => client.setQueryData(keys.refinance(r.refinance_id), r),
  });
}

/** GET /api/refinance/{id}, followed with back-off while the saga runs. */
export function useRefinance(id: string) {
  const api = useApi();
  const client = useQueryClient();
  const refetchInterval = useMemo(() => backoffInterval((r: RefinanceView) => r.status === "running", SAGA_POLL), []);
  return useQuery({
    queryKey: keys.refinance(id),
    queryFn: async ({ signal }) => {
      const r = await unwrap(api.GET("/api/refinance/{refinance_id}", { params: { path: { refinance_id: id } }, signal }));
      // Both banks re-synced: the loans, debt, MDP and timeline on every screen follow.
      if (r.status === "completed") refreshAfterPayment(client, r.refinance_id);
      return r;
    },
    refetchInterval: (q) => refetchInterval(q.state.data),
  });
}

export function useResumeRefinance(id: string) {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST("/api/refinance/{refinance_id}/resume", { params: { path: { refinance_id: id } } })) as Promise<RefinanceView>,
    onSuccess: (r) => client.setQueryData(keys.refinance(id), r),
  });
}
