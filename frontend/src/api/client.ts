/**
 * The typed API client: openapi-fetch over the types generated from docs/openapi.json
 * (`npm run gen:api`, part of `make openapi`), with FinPulse's auth in its `fetch`:
 * `Authorization: Bearer <ID token>` (refreshed first if about to expire), and on a 401 one
 * token refresh and one retry; if that fails too, the session ends ("Сессия истекла").
 * `unwrap` turns every failure into an ApiError parsed from the error envelope.
 */
import createClient, { type Client } from "openapi-fetch";
import { ApiError, isAbortError, networkApiError, parseErrorEnvelope } from "./errors";
import type { paths } from "./schema";

export type ApiClient = Client<paths>;

/** What the client needs from the session (SessionManager implements it). */
export interface TokenSource {
  /** A valid ID token (refreshed if about to expire), or null when signed out. */
  getIdToken(): Promise<string | null>;
  /** Forces a refresh; null when the session cannot be refreshed (it has been ended). */
  refresh(): Promise<string | null>;
  signOut(reason: "expired"): void;
}

export interface ApiClientOptions {
  /** config.json's apiBase: "/api" or an absolute URL ending in /api, without a trailing slash. */
  readonly apiBase: string;
  readonly tokens: TokenSource;
  readonly fetch?: typeof fetch;
  /** Resolves a relative apiBase (default: the page's address). */
  readonly location?: string;
}

/** The documented paths start with /api: the client's base is what comes before it. */
export function apiOrigin(apiBase: string, location: string): string {
  const base = apiBase.replace(/\/+$/, "").replace(/\/api$/, "");
  return new URL(base || "/", location).href.replace(/\/+$/, "");
}

export function createApiClient(options: ApiClientOptions): ApiClient {
  const send = options.fetch ?? ((input, init) => fetch(input, init));
  const location = options.location ?? globalThis.location?.href ?? "http://localhost/";

  async function attempt(request: Request, token: string): Promise<Response> {
    const headers = new Headers(request.headers);
    headers.set("Authorization", `Bearer ${token}`);
    headers.set("Accept", "application/json");
    const body = request.method === "GET" || request.method === "HEAD" ? undefined : await request.clone().text();
    const init: RequestInit = { method: request.method, headers, cache: "no-store", signal: request.signal };
    if (body) init.body = body;
    try {
      return await send(request.url, init);
    } catch (error) {
      if (isAbortError(error)) throw error;
      throw networkApiError();
    }
  }

  async function authFetch(request: Request): Promise<Response> {
    const token = await idToken(options.tokens);
    if (!token) throw new ApiError({ status: 401, code: "UNAUTHENTICATED", message: "Not signed in" });
    const response = await attempt(request, token);
    if (response.status !== 401) return response;
    let fresh: string | null;
    try {
      fresh = await options.tokens.refresh();
    } catch {
      throw networkApiError();
    }
    if (!fresh) return response;
    const retried = await attempt(request, fresh);
    if (retried.status === 401) options.tokens.signOut("expired");
    return retried;
  }

  return createClient<paths>({ baseUrl: apiOrigin(options.apiBase, location), fetch: authFetch });
}

async function idToken(tokens: TokenSource): Promise<string | null> {
  try {
    return await tokens.getIdToken();
  } catch {
    // The token expired and could not be refreshed for a temporary reason.
    throw networkApiError();
  }
}

/** The answer's data, or an ApiError for any non-2xx answer (envelope or not). */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok || error !== undefined) throw parseErrorEnvelope(response.status, error, response.headers);
  return data as T;
}
