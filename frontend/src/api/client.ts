/**
 * Typed fetch wrapper for FinPulse's API: attaches `Authorization: Bearer <ID token>`,
 * decodes JSON answers, turns every failure into an ApiError, and on a 401 refreshes the
 * token once and retries; if that fails too, the session is ended.
 */
import { DecodeError, type Decoder } from "./decode";
import { ApiError, badResponseError, isAbortError, networkApiError, parseErrorEnvelope } from "./errors";

/** What the client needs from the session (SessionManager implements it). */
export interface TokenSource {
  /** A valid ID token (refreshed if about to expire), or null when signed out. */
  getIdToken(): Promise<string | null>;
  /** Forces a refresh; null when the session cannot be refreshed (it has been ended). */
  refresh(): Promise<string | null>;
  signOut(reason: "expired"): void;
}

export interface ApiClientOptions {
  /** "/api" or an absolute URL, without a trailing slash. */
  readonly baseUrl: string;
  readonly tokens: TokenSource;
  readonly fetch?: typeof fetch;
}

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions<T> {
  readonly decode: Decoder<T>;
  readonly body?: unknown;
  readonly query?: Readonly<Record<string, QueryValue>>;
  readonly headers?: Readonly<Record<string, string>>;
  readonly signal?: AbortSignal | undefined;
  /** Send without a token (public routes such as /health). Default true. */
  readonly auth?: boolean;
}

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export class ApiClient {
  private readonly baseUrl: string;
  private readonly tokens: TokenSource;
  private readonly fetchFn: typeof fetch;

  constructor(options: ApiClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, "");
    this.tokens = options.tokens;
    this.fetchFn = options.fetch ?? ((input, init) => fetch(input, init));
  }

  get<T>(path: string, decode: Decoder<T>, options: Omit<RequestOptions<T>, "decode" | "body"> = {}): Promise<T> {
    return this.request("GET", path, { ...options, decode });
  }

  post<T>(path: string, body: unknown, decode: Decoder<T>, options: Omit<RequestOptions<T>, "decode" | "body"> = {}): Promise<T> {
    return this.request("POST", path, { ...options, body, decode });
  }

  /** Full URL of an API path, e.g. "/banks" → "/api/banks". */
  url(path: string, query?: Readonly<Record<string, QueryValue>>): string {
    const url = this.baseUrl + (path.startsWith("/") ? path : `/${path}`);
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value !== undefined && value !== null) params.append(key, String(value));
    }
    const search = params.toString();
    return search ? `${url}?${search}` : url;
  }

  async request<T>(method: Method, path: string, options: RequestOptions<T>): Promise<T> {
    const auth = options.auth ?? true;
    let token: string | null = null;
    if (auth) {
      token = await this.idToken();
      if (!token) throw new ApiError({ status: 401, code: "UNAUTHENTICATED", message: "Not signed in" });
    }

    let response = await this.send(method, path, options, token);
    if (response.status === 401 && auth) {
      let fresh: string | null;
      try {
        fresh = await this.tokens.refresh();
      } catch {
        throw networkApiError();
      }
      if (!fresh) throw await toApiError(response);
      response = await this.send(method, path, options, fresh);
      if (response.status === 401) {
        this.tokens.signOut("expired");
      }
    }
    if (!response.ok) throw await toApiError(response);
    return decodeBody(response, options.decode);
  }

  private async idToken(): Promise<string | null> {
    try {
      return await this.tokens.getIdToken();
    } catch {
      // The token expired and could not be refreshed for a temporary reason.
      throw networkApiError();
    }
  }

  private async send<T>(method: Method, path: string, options: RequestOptions<T>, token: string | null): Promise<Response> {
    const headers: Record<string, string> = { Accept: "application/json", ...options.headers };
    if (token) headers.Authorization = `Bearer ${token}`;
    const init: RequestInit = { method, headers, cache: "no-store" };
    if (options.body !== undefined) {
      headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(options.body);
    }
    if (options.signal) init.signal = options.signal;
    try {
      return await this.fetchFn(this.url(path, options.query), init);
    } catch (error) {
      if (isAbortError(error)) throw error;
      throw networkApiError();
    }
  }
}

async function readJson(response: Response): Promise<{ ok: true; value: unknown } | { ok: false }> {
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    if (isAbortError(error)) throw error;
    return { ok: false };
  }
  if (!text.trim()) return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

async function toApiError(response: Response): Promise<ApiError> {
  const body = await readJson(response);
  return parseErrorEnvelope(response.status, body.ok ? body.value : undefined, response.headers);
}

async function decodeBody<T>(response: Response, decode: Decoder<T>): Promise<T> {
  const body = await readJson(response);
  if (!body.ok) throw badResponseError(response.status, "Response is not valid JSON");
  try {
    return decode(body.value);
  } catch (error) {
    if (error instanceof DecodeError) throw badResponseError(response.status, error.message);
    throw error;
  }
}
