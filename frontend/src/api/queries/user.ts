/** The signed-in user's own records: who they are at each bank, onboarding, financial inputs. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import { useApi } from "../../context";
import { unwrap } from "../client";
import type { FinancialInputsBody, OnboardingBody } from "../models";
import { keys } from "./keys";

export function useMe() {
  const api = useApi();
  return useQuery({ queryKey: keys.me, queryFn: ({ signal }) => unwrap(api.GET("/api/me", { signal })) });
}

export function useBanks() {
  const api = useApi();
  return useQuery({ queryKey: keys.banks, queryFn: ({ signal }) => unwrap(api.GET("/api/banks", { signal })) });
}

export function useIdentities() {
  const api = useApi();
  return useQuery({
    queryKey: keys.identities,
    queryFn: ({ signal }) => unwrap(api.GET("/api/me/banks", { signal })),
  });
}

export function useSetIdentity() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ bankId, customerId }: { bankId: string; customerId: string }) =>
      unwrap(
        api.PUT("/api/me/banks/{bank_id}", {
          params: { path: { bank_id: bankId } },
          body: { customer_id: customerId },
        }),
      ),
    onSuccess: () => void client.invalidateQueries({ queryKey: keys.identities }),
  });
}

export function useOnboarding() {
  const api = useApi();
  return useQuery({
    queryKey: keys.onboarding,
    queryFn: ({ signal }) => unwrap(api.GET("/api/onboarding", { signal })),
    staleTime: Infinity, // only this tab's saves change it; they update the cache directly
  });
}

export function useSaveOnboarding() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: OnboardingBody) => unwrap(api.PUT("/api/onboarding", { body })),
    onSuccess: (progress) => client.setQueryData(keys.onboarding, progress),
  });
}

export function useInputs() {
  const api = useApi();
  return useQuery({
    queryKey: keys.inputs,
    queryFn: ({ signal }) => unwrap(api.GET("/api/me/financial-inputs", { signal })),
    staleTime: 5 * 60_000,
  });
}

export function useSaveInputs() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: FinancialInputsBody) => unwrap(api.PUT("/api/me/financial-inputs", { body })),
    onSuccess: (inputs) => {
      client.setQueryData(keys.inputs, inputs);
      // New inputs are a new data version: every figure is recomputed on the next read.
      void client.invalidateQueries({ queryKey: keys.dashboard });
    },
  });
}

export function useAccounts() {
  const api = useApi();
  return useQuery({
    queryKey: keys.accounts,
    queryFn: ({ signal }) => unwrap(api.GET("/api/accounts", { signal })),
  });
}

/** bank id → display name, from GET /api/banks (ids until it answers). */
export function useBankNames(): Readonly<Record<string, string>> {
  const banks = useBanks();
  return useMemo(
    () => Object.fromEntries((banks.data?.banks ?? []).map((b) => [b.bank_id, b.name])),
    [banks.data],
  );
}
