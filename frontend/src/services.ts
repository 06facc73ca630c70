/** Wires the app's long-lived services from the runtime configuration. */
import { ApiClient } from "./api/client";
import { CognitoClient } from "./auth/cognito";
import { SessionManager, type SessionManagerOptions } from "./auth/session";
import type { AppConfig } from "./config";

export interface Services {
  readonly config: AppConfig;
  readonly session: SessionManager;
  readonly api: ApiClient;
}

export interface ServiceOverrides {
  readonly fetch?: typeof fetch;
  readonly storage?: Storage | null;
  readonly now?: () => number;
  readonly eventTarget?: EventTarget | null;
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
  const api = new ApiClient({
    baseUrl: config.apiBase,
    tokens: session,
    ...(overrides.fetch ? { fetch: overrides.fetch } : {}),
  });
  return { config, session, api };
}
