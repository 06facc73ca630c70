import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo } from "react";
import { useApi } from "../../context";
import { SYNC_POLL, backoffInterval } from "../../lib/polling";
import { unwrap } from "../client";
import { ApiError } from "../errors";
import type { RefreshAccepted, SyncRecord } from "../models";
import { keys } from "./keys";

export const isRunning = (sync: SyncRecord | null | undefined): boolean => sync?.state === "running";

/** GET /api/sync/{id}, polled with back-off until the sync ends. */
export function useSync(syncId: string | null | undefined) {
  const api = useApi();
  const client = useQueryClient();
  const refetchInterval = useMemo(() => backoffInterval(isRunning, SYNC_POLL), []);
  const query = useQuery({
    queryKey: keys.sync(syncId ?? ""),
    enabled: Boolean(syncId),
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/sync/{sync_id}", { params: { path: { sync_id: syncId ?? "" } }, signal })),
    refetchInterval: (q) => refetchInterval(q.state.data),
  });
  const ended = query.data !== undefined && !isRunning(query.data);
  useEffect(() => {
    // A finished sync changed the data, freshness and the latest-sync indicator.
    if (!ended) return;
    for (const key of [keys.accounts, keys.banks, keys.consents, keys.latestSync, keys.dashboard, ["transactions"], ["spending"]]) {
      void client.invalidateQueries({ queryKey: key });
    }
  }, [ended, client]);
  return query;
}

/** GET /api/sync/status: the latest sync (null before the first), polled while it runs. */
export function useLatestSync() {
  const api = useApi();
  const refetchInterval = useMemo(
    () => backoffInterval((s: { sync?: SyncRecord | null }) => isRunning(s.sync), SYNC_POLL),
    [],
  );
  return useQuery({
    queryKey: keys.latestSync,
    queryFn: ({ signal }) => unwrap(api.GET("/api/sync/status", { signal })),
    refetchInterval: (query) => refetchInterval(query.state.data),
  });
}

/** The outcome of asking for a full refresh: a new sync, or the one already running (409). */
export interface SyncStart {
  readonly syncId: string;
  readonly alreadyRunning: boolean;
}

/** The running sync's id from a 409 SYNC_RUNNING answer. */
export function runningSyncId(error: unknown): string | undefined {
  if (!(error instanceof ApiError) || error.code !== "SYNC_RUNNING") return undefined;
  return error.fieldMessage("sync_id");
}

export function useStartSync() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (options: { force?: boolean } = {}): Promise<SyncStart> => {
      try {
        const call = api.POST("/api/sync/full-refresh", { params: { query: { force: options.force ?? false } } });
        const accepted = (await unwrap(call)) as unknown as RefreshAccepted;
        return { syncId: accepted.sync_id, alreadyRunning: false };
      } catch (error) {
        const running = runningSyncId(error);
        if (running) return { syncId: running, alreadyRunning: true };
        throw error;
      }
    },
    onSuccess: () => void client.invalidateQueries({ queryKey: keys.latestSync }),
  });
}
