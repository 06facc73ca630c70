/** FinPulse API endpoints used by the UI, one function each. */
import type { ApiClient } from "./client";
import { decodeBanks, decodeMe, type Bank, type Me } from "./types";

export function getMe(api: ApiClient, signal?: AbortSignal): Promise<Me> {
  return api.get("/me", decodeMe, { signal });
}

export function getBanks(api: ApiClient, signal?: AbortSignal): Promise<Bank[]> {
  return api.get("/banks", decodeBanks, { signal });
}
