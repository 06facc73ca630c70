/** Test helpers: a recording fake `fetch`, JSON responses and unsigned JWTs. */

export interface RecordedRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly body: unknown;
}

export type Handler = (request: RecordedRequest) => Response | Promise<Response>;

export interface FakeFetch {
  readonly fetch: typeof fetch;
  readonly calls: RecordedRequest[];
}

/** A fetch that records each request (headers lower-cased, JSON body parsed) and answers with `handler`. */
export function fakeFetch(handler: Handler): FakeFetch {
  const calls: RecordedRequest[] = [];
  const fn = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((value, key) => {
      headers[key] = value;
    });
    let body: unknown = undefined;
    if (typeof init?.body === "string") {
      try {
        body = JSON.parse(init.body);
      } catch {
        body = init.body;
      }
    }
    const request = { url, method: init?.method ?? "GET", headers, body };
    calls.push(request);
    if (init?.signal?.aborted) throw new DOMException("Aborted", "AbortError");
    return handler(request);
  };
  return { fetch: fn as typeof fetch, calls };
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json", ...headers },
  });
}

export function cognitoError(type: string, message: string, status = 400): Response {
  return json(status, { __type: type, message }, { "Content-Type": "application/x-amz-json-1.1" });
}

export function fakeJwt(claims: Record<string, unknown>): string {
  const encode = (value: unknown) =>
    btoa(JSON.stringify(value)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  return `${encode({ alg: "RS256", kid: "test" })}.${encode(claims)}.signature`;
}

export function authResult(overrides: Partial<Record<"IdToken" | "AccessToken" | "RefreshToken", string>> & { ExpiresIn?: number } = {}) {
  return {
    AuthenticationResult: {
      IdToken: fakeJwt({ sub: "sub-1", email: "demo@finpulse.dev" }),
      AccessToken: "access-1",
      RefreshToken: "refresh-1",
      ExpiresIn: 3600,
      TokenType: "Bearer",
      ...overrides,
    },
  };
}

/** In-memory Storage. */
export class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>();
  get length(): number {
    return this.items.size;
  }
  clear(): void {
    this.items.clear();
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
}
