/** Wires the app's long-lived services from the runtime configuration. */
import type { QueryClient } from "@tanstack/react-query";
import { createApiClient, type ApiClient } from "./api/client";
import { createQueryClient } from "./api/queryClient";
import { CognitoClient } from "./auth/cognito";
import { SessionManager, type SessionManagerOptions } from "./auth/session";
import type { AppConfig } from "./config";

export interface Services {
  readonly config: AppConfig;
  readonly cognito: CognitoClient;
  readonly session: SessionManager;
  readonly api: ApiClient;
  readonly queryClient: QueryClient;
}

export interface ServiceOverrides {
  readonly fetch?: typeof fetch;
  readonly storage?: Storage | null;
  readonly now?: () => number;
  readonly eventTarget?: EventTarget | null;
  readonly queryClient?: QueryClient;
}

export function createServices(config: AppConfig, overrides: ServiceOverrides = {}): Services {
  const cognito = new CognitoClient({
    endpoint: config.cognitoEndpoint,
    clientId: config.userPoolClientId,
    ...(overrides.fetch ? { fetch: overrides.fetch } : {}),
  });
  const sessionOptions: SessionManagerOptions = {
    backend: cognito,
    clientId: config.userPoolClientId,
    revokeOnSignOut: config.revokeTokensOnSignOut,
    ...(overrides.storage !== undefined ? { storage: overrides.storage } : {}),
    ...(overrides.now ? { now: overrides.now } : {}),
    ...(overrides.eventTarget !== undefined ? { eventTarget: overrides.eventTarget } : {}),
  };
  const session = new SessionManager(sessionOptions);
  const api = createApiClient({
    apiBase: config.apiBase,
    tokens: session,
    ...(overrides.fetch ? { fetch: overrides.fetch } : {}),
  });
  const queryClient = overrides.queryClient ?? createQueryClient();
  // Another user's cached answers must never show after a sign-out.
  session.subscribe(() => {
    if (!session.session) queryClient.clear();
  });
  return { config, cognito, session, api, queryClient };
}
