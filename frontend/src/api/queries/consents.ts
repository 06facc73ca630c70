import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import { useApi } from "../../context";
import { CONSENT_POLL, backoffInterval } from "../../lib/polling";
import { unwrap } from "../client";
import type { BankConsents, ConsentsStatus, InitRequest, RevokeResponse } from "../models";
import { keys } from "./keys";

const KINDS = ["accounts", "products", "payments"] as const;

/** True while any consent (or its renewal) waits for the customer or the bank. */
export function hasPending(status: ConsentsStatus): boolean {
  return status.banks.some((bank) => KINDS.some((kind) => isPending(bank, kind)));
}

function isPending(bank: BankConsents, kind: (typeof KINDS)[number]): boolean {
  const state = bank[kind];
  return state?.current?.status === "pending" || state?.renewal?.status === "pending";
}

/** GET /api/consents/status, polled with back-off while anything is pending. */
export function useConsents() {
  const api = useApi();
  const refetchInterval = useMemo(() => backoffInterval(hasPending, CONSENT_POLL), []);
  return useQuery({
    queryKey: keys.consents,
    queryFn: ({ signal }) => unwrap(api.GET("/api/consents/status", { signal })),
    refetchInterval: (query) => refetchInterval(query.state.data),
  });
}

export function useInitConsents() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: InitRequest) => unwrap(api.POST("/api/consents/init", { body })),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: keys.consents });
      void client.invalidateQueries({ queryKey: keys.banks });
    },
  });
}

/** POST /api/consents/refresh: ask the banks now (after the customer comes back from approving). */
export function useRefreshConsents() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (banks?: string[]) =>
      unwrap(api.POST("/api/consents/refresh", { body: banks ? { banks } : {} })),
    onSuccess: (status) => client.setQueryData(keys.consents, status),
  });
}

export function useRevokeConsent() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (consentId: string): Promise<RevokeResponse> =>
      unwrap(api.DELETE("/api/consents/{consent_id}", { params: { path: { consent_id: consentId } } })),
    onSuccess: () => {
      for (const key of [keys.consents, keys.banks, keys.accounts, keys.dashboard, ["transactions"], ["spending"]]) {
        void client.invalidateQueries({ queryKey: key });
      }
    },
  });
}
