/** Query keys, one place, so a mutation can invalidate exactly what it changed. */
export const keys = {
  me: ["me"] as const,
  banks: ["banks"] as const,
  identities: ["identities"] as const,
  consents: ["consents"] as const,
  onboarding: ["onboarding"] as const,
  inputs: ["inputs"] as const,
  accounts: ["accounts"] as const,
  dashboard: ["dashboard"] as const,
  transactions: (filters: object) => ["transactions", filters] as const,
  spending: (params: object) => ["spending", params] as const,
  payments: (filters: object) => ["payments", filters] as const,
  payment: (id: string) => ["payment", id] as const,
  latestSync: ["sync", "latest"] as const,
  sync: (id: string) => ["sync", id] as const,
};
