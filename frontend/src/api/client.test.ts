import { describe, expect, it, vi } from "vitest";
import { fakeFetch, json, type Handler } from "../test/fakes";
import { apiOrigin, createApiClient, unwrap, type TokenSource } from "./client";
import { ApiError } from "./errors";

function tokenSource(initial: string | null = "token-1", refreshed: string | null = "token-2") {
  return {
    getIdToken: vi.fn<TokenSource["getIdToken"]>(async () => initial),
    refresh: vi.fn<TokenSource["refresh"]>(async () => refreshed),
    signOut: vi.fn<TokenSource["signOut"]>(),
  };
}

const LOCATION = "https://app.finpulse.example/#/connections";

function setup(handler: Handler, tokens = tokenSource(), apiBase = "/api") {
  const server = fakeFetch(handler);
  return { server, tokens, api: createApiClient({ apiBase, tokens, fetch: server.fetch, location: LOCATION }) };
}

async function apiErrorOf(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    return error as ApiError;
  }
  throw new Error("expected the call to fail");
}

const ME = { user_id: "sub-1", email: "demo@finpulse.dev", username: "demo" };

describe("apiOrigin", () => {
  it("resolves the documented /api paths against apiBase, relative or absolute", () => {
    expect(apiOrigin("/api", LOCATION)).toBe("https://app.finpulse.example");
    expect(apiOrigin("https://abc.execute-api.eu-central-1.amazonaws.com/api/", LOCATION)).toBe(
      "https://abc.execute-api.eu-central-1.amazonaws.com",
    );
  });
});

describe("createApiClient", () => {
  it("sends the ID token as a bearer token to the typed path and returns the data", async () => {
    const { api, server } = setup(() => json(200, ME));
    const me = await unwrap(api.GET("/api/me"));
    expect(me.user_id).toBe("sub-1");
    expect(server.calls[0]?.url).toBe("https://app.finpulse.example/api/me");
    expect(server.calls[0]?.headers.authorization).toBe("Bearer token-1");
  });

  it("serialises path parameters, queries and JSON bodies from the schema", async () => {
    const { api, server } = setup(() => json(202, { sync_id: "s1", status_url: "/api/sync/s1" }));
    await unwrap(api.POST("/api/sync/full-refresh", { params: { query: { force: true } } }));
    expect(server.calls[0]?.url).toBe("https://app.finpulse.example/api/sync/full-refresh?force=true");
    await unwrap(api.PUT("/api/me/banks/{bank_id}", { params: { path: { bank_id: "vbank" } }, body: { customer_id: "team200-1" } }));
    expect(server.calls[1]).toMatchObject({ method: "PUT", body: { customer_id: "team200-1" } });
    expect(server.calls[1]?.url).toBe("https://app.finpulse.example/api/me/banks/vbank");
  });

  it("parses FinPulse's error envelope into a typed ApiError", async () => {
    const { api } = setup(() =>
      json(422, {
        error: {
          status: 422,
          code: "VALIDATION_ERROR",
          message: "The request is not valid",
          details: [{ field: "body.customer_id", message: "bad" }],
          request_id: "req-42",
        },
      }),
    );
    const error = await apiErrorOf(unwrap(api.PUT("/api/onboarding", { body: { step: "banks" } })));
    expect(error).toMatchObject({ status: 422, code: "VALIDATION_ERROR", requestId: "req-42", message: "The request is not valid" });
    expect(error.fieldMessage("body.customer_id")).toBe("bad");
    expect(error.userMessage).toBe("Проверьте введённые данные.");
  });

  it("names known codes in Russian: a running sync, a bank identity taken by someone else", async () => {
    const running = setup(() => json(409, { error: { status: 409, code: "SYNC_RUNNING", message: "running", details: [] } }));
    expect((await apiErrorOf(unwrap(running.api.POST("/api/sync/full-refresh", {})))).userMessage).toBe("Синхронизация уже идёт.");
    const taken = setup(() => json(409, { error: { status: 409, code: "BANK_IDENTITY_TAKEN", message: "taken", details: [] } }));
    const error = await apiErrorOf(unwrap(taken.api.GET("/api/me")));
    expect(error.userMessage).toMatch(/уже привязан к другой учётной записи/);
  });

  it("turns answers that are not the envelope (API Gateway, CDN) into ApiErrors by status", async () => {
    const gateway = setup(() => json(503, { message: "Service Unavailable" }));
    expect(await apiErrorOf(unwrap(gateway.api.GET("/api/me")))).toMatchObject({ status: 503, code: "SERVICE_UNAVAILABLE" });
    const html = setup(() => new Response("<html>502</html>", { status: 502 }));
    expect(await apiErrorOf(unwrap(html.api.GET("/api/me")))).toMatchObject({ status: 502, code: "INTERNAL_ERROR" });
  });

  it("reports an unreachable server as a network error", async () => {
    const offline = setup(() => Promise.reject(new TypeError("Failed to fetch")));
    const error = await apiErrorOf(unwrap(offline.api.GET("/api/me")));
    expect(error).toMatchObject({ status: 0, code: "NETWORK_ERROR" });
    expect(error.userMessage).toMatch(/Не удалось связаться с сервером/);
  });

  it("does not call the API when signed out", async () => {
    const { api, server } = setup(() => json(200, ME), tokenSource(null));
    expect(await apiErrorOf(unwrap(api.GET("/api/me")))).toMatchObject({ status: 401 });
    expect(server.calls).toHaveLength(0);
  });

  it("on API Gateway's 401 refreshes the token once and retries with the new one, body included", async () => {
    const { api, server, tokens } = setup((request) =>
      request.headers.authorization === "Bearer token-2" ? json(200, { step: "goals" }) : json(401, { message: "Unauthorized" }),
    );
    await unwrap(api.PUT("/api/onboarding", { body: { step: "goals" } }));
    expect(tokens.refresh).toHaveBeenCalledTimes(1);
    expect(server.calls.map((c) => [c.headers.authorization, c.body])).toEqual([
      ["Bearer token-1", { step: "goals" }],
      ["Bearer token-2", { step: "goals" }],
    ]);
    expect(tokens.signOut).not.toHaveBeenCalled();
  });

  it("signs out when the API still answers 401 after a refresh, without looping", async () => {
    const { api, server, tokens } = setup(() => json(401, { message: "Unauthorized" }));
    const error = await apiErrorOf(unwrap(api.GET("/api/me")));
    expect(error.userMessage).toBe("Сессия истекла. Войдите снова.");
    expect(server.calls).toHaveLength(2);
    expect(tokens.signOut).toHaveBeenCalledWith("expired");
  });

  it("does not retry when the refresh is refused, and keeps the session on a network failure", async () => {
    const refused = setup(() => json(401, { message: "Unauthorized" }), tokenSource("token-1", null));
    expect(await apiErrorOf(unwrap(refused.api.GET("/api/me")))).toMatchObject({ status: 401 });
    expect(refused.server.calls).toHaveLength(1);

    const tokens = tokenSource();
    tokens.refresh.mockRejectedValueOnce(new Error("offline"));
    const flaky = setup(() => json(401, { message: "Unauthorized" }), tokens);
    expect(await apiErrorOf(unwrap(flaky.api.GET("/api/me")))).toMatchObject({ code: "NETWORK_ERROR" });
    expect(tokens.signOut).not.toHaveBeenCalled();
  });

  it("does not refresh on 403", async () => {
    const { api, tokens } = setup(() => json(403, { error: { status: 403, code: "FORBIDDEN", message: "Not yours", details: [] } }));
    expect(await apiErrorOf(unwrap(api.GET("/api/me")))).toMatchObject({ status: 403, code: "FORBIDDEN" });
    expect(tokens.refresh).not.toHaveBeenCalled();
  });
});
