import { describe, expect, it, vi } from "vitest";
import { fakeFetch, json, type Handler } from "../test/fakes";
import { ApiClient, type TokenSource } from "./client";
import { ApiError } from "./errors";
import { decodeBanks, decodeMe } from "./types";

function tokenSource(initial: string | null = "token-1", refreshed: string | null = "token-2") {
  return {
    getIdToken: vi.fn<TokenSource["getIdToken"]>(async () => initial),
    refresh: vi.fn<TokenSource["refresh"]>(async () => refreshed),
    signOut: vi.fn<TokenSource["signOut"]>(),
  };
}

function setup(handler: Handler, tokens = tokenSource(), baseUrl = "/api") {
  const server = fakeFetch(handler);
  return { server, tokens, api: new ApiClient({ baseUrl, tokens, fetch: server.fetch }) };
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

describe("ApiClient", () => {
  it("sends the ID token as a bearer token to apiBase + path and decodes the answer", async () => {
    const { api, server } = setup(() => json(200, ME));
    const me = await api.get("/me", decodeMe);
    expect(me).toEqual({ userId: "sub-1", email: "demo@finpulse.dev", username: "demo" });
    expect(server.calls[0]?.url).toBe("/api/me");
    expect(server.calls[0]?.method).toBe("GET");
    expect(server.calls[0]?.headers.authorization).toBe("Bearer token-1");
  });

  it("joins absolute API bases and query strings", async () => {
    const { api, server } = setup(() => json(200, ME), tokenSource(), "https://abc.execute-api.eu-central-1.amazonaws.com/api/");
    await api.get("me", decodeMe, { query: { request_id: "r 1", skip: undefined, limit: 5 } });
    expect(server.calls[0]?.url).toBe("https://abc.execute-api.eu-central-1.amazonaws.com/api/me?request_id=r+1&limit=5");
  });

  it("sends JSON bodies", async () => {
    const { api, server } = setup(() => json(200, ME));
    await api.post("/consents/init", { banks: ["vbank"] }, decodeMe, { headers: { "Idempotency-Key": "k1" } });
    expect(server.calls[0]?.method).toBe("POST");
    expect(server.calls[0]?.headers["content-type"]).toBe("application/json");
    expect(server.calls[0]?.headers["idempotency-key"]).toBe("k1");
    expect(server.calls[0]?.body).toEqual({ banks: ["vbank"] });
  });

  it("parses FinPulse's error envelope into a typed ApiError", async () => {
    const { api } = setup(() =>
      json(422, {
        error: {
          status: 422,
          code: "VALIDATION_ERROR",
          message: "The request is not valid",
          details: [{ field: "body.amount", message: "must be greater than 0" }, { field: null, message: "general" }],
          request_id: "req-42",
        },
      }),
    );
    const error = await apiErrorOf(api.get("/me", decodeMe));
    expect(error.status).toBe(422);
    expect(error.code).toBe("VALIDATION_ERROR");
    expect(error.message).toBe("The request is not valid");
    expect(error.requestId).toBe("req-42");
    expect(error.details).toEqual([
      { field: "body.amount", message: "must be greater than 0" },
      { field: "", message: "general" },
    ]);
    expect(error.fieldMessage("body.amount")).toBe("must be greater than 0");
    expect(error.userMessage).toBe("Проверьте введённые данные.");
  });

  it("turns answers that are not the envelope into ApiErrors by status", async () => {
    const gateway = setup(() => json(503, { message: "Service Unavailable" }));
    const error = await apiErrorOf(gateway.api.get("/me", decodeMe));
    expect(error).toMatchObject({ status: 503, code: "SERVICE_UNAVAILABLE" });
    expect(error.userMessage).toMatch(/временно недоступен/);

    const html = setup(() => new Response("<html>502</html>", { status: 502 }));
    expect(await apiErrorOf(html.api.get("/me", decodeMe))).toMatchObject({ status: 502, code: "INTERNAL_ERROR" });
  });

  it("reports unreachable servers and unexpected bodies", async () => {
    const offline = setup(() => Promise.reject(new TypeError("Failed to fetch")));
    const network = await apiErrorOf(offline.api.get("/me", decodeMe));
    expect(network).toMatchObject({ status: 0, code: "NETWORK_ERROR" });
    expect(network.userMessage).toMatch(/Не удалось связаться с сервером/);

    // e.g. a CDN answering index.html with 200 for an API path
    const html = setup(() => new Response("<!doctype html>", { status: 200 }));
    expect(await apiErrorOf(html.api.get("/me", decodeMe))).toMatchObject({ code: "BAD_RESPONSE" });

    const wrongShape = setup(() => json(200, { banks: [{ name: "no id" }] }));
    const bad = await apiErrorOf(wrongShape.api.get("/banks", decodeBanks));
    expect(bad.code).toBe("BAD_RESPONSE");
    expect(bad.message).toMatch(/bank_id/);
  });

  it("does not call the API when signed out", async () => {
    const { api, server } = setup(() => json(200, ME), tokenSource(null));
    expect(await apiErrorOf(api.get("/me", decodeMe))).toMatchObject({ status: 401 });
    expect(server.calls).toHaveLength(0);
  });

  it("sends public requests without a token", async () => {
    const { api, server, tokens } = setup(() => json(200, ME), tokenSource(null));
    await api.get("/health", decodeMe, { auth: false });
    expect(server.calls[0]?.headers.authorization).toBeUndefined();
    expect(tokens.getIdToken).not.toHaveBeenCalled();
  });

  it("on 401 refreshes the token once and retries with the new one", async () => {
    const { api, server, tokens } = setup((request) =>
      request.headers.authorization === "Bearer token-2" ? json(200, ME) : json(401, { message: "Unauthorized" }),
    );
    const me = await api.get("/me", decodeMe);
    expect(me.userId).toBe("sub-1");
    expect(tokens.refresh).toHaveBeenCalledTimes(1);
    expect(server.calls.map((c) => c.headers.authorization)).toEqual(["Bearer token-1", "Bearer token-2"]);
    expect(tokens.signOut).not.toHaveBeenCalled();
  });

  it("signs out when the API still answers 401 after a refresh, without looping", async () => {
    const { api, server, tokens } = setup(() => json(401, { message: "Unauthorized" }));
    const error = await apiErrorOf(api.get("/me", decodeMe));
    expect(error.status).toBe(401);
    expect(error.userMessage).toBe("Сессия истекла. Войдите снова.");
    expect(server.calls).toHaveLength(2);
    expect(tokens.refresh).toHaveBeenCalledTimes(1);
    expect(tokens.signOut).toHaveBeenCalledWith("expired");
  });

  it("does not retry when the refresh is refused (the session has ended)", async () => {
    const tokens = tokenSource("token-1", null);
    const { api, server } = setup(() => json(401, { message: "Unauthorized" }), tokens);
    expect(await apiErrorOf(api.get("/me", decodeMe))).toMatchObject({ status: 401 });
    expect(server.calls).toHaveLength(1);
  });

  it("keeps the session when the refresh fails for a network reason", async () => {
    const tokens = tokenSource();
    tokens.refresh.mockRejectedValueOnce(new Error("offline"));
    const { api } = setup(() => json(401, { message: "Unauthorized" }), tokens);
    expect(await apiErrorOf(api.get("/me", decodeMe))).toMatchObject({ code: "NETWORK_ERROR" });
    expect(tokens.signOut).not.toHaveBeenCalled();
  });

  it("does not refresh on 403", async () => {
    const { api, tokens } = setup(() =>
      json(403, { error: { status: 403, code: "FORBIDDEN", message: "Not yours", details: [], request_id: "r" } }),
    );
    expect(await apiErrorOf(api.get("/me", decodeMe))).toMatchObject({ status: 403, code: "FORBIDDEN" });
    expect(tokens.refresh).not.toHaveBeenCalled();
  });

  it("lets aborts through as aborts", async () => {
    const { api } = setup(() => json(200, ME));
    const controller = new AbortController();
    controller.abort();
    await expect(api.get("/me", decodeMe, { signal: controller.signal })).rejects.toMatchObject({ name: "AbortError" });
  });
});

describe("decodeBanks", () => {
  it("reads id, name and connection state and tolerates extra fields", () => {
    const banks = decodeBanks({
      banks: [
        { bank_id: "vbank", name: "VBank", connected: true, approval: "auto", consents: [{ kind: "accounts" }], status: { x: 1 } },
        { bank_id: "abank", name: "ABank", connected: false, consents: [] },
      ],
      generated_at: "2026-01-01",
    });
    expect(banks.map((b) => [b.bankId, b.name, b.connected])).toEqual([
      ["vbank", "VBank", true],
      ["abank", "ABank", false],
    ]);
    expect(banks[0]?.consents).toHaveLength(1);
  });

  it("rejects a response without a bank list", () => {
    expect(() => decodeBanks({ items: [] })).toThrow(/banks/);
  });
});
