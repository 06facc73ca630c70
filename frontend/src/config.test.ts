import { describe, expect, it } from "vitest";
import { ConfigError, DEFAULT_PASSWORD_POLICY, loadConfig, parseConfig } from "./config";
import { fakeFetch, json } from "./test/fakes";

const valid = {
  apiBase: "/api",
  region: "eu-central-1",
  userPoolId: "eu-central-1_abc",
  userPoolClientId: "client123",
  cognitoEndpoint: "http://127.0.0.1:5000/",
};
const parsed = { ...valid, revokeTokensOnSignOut: false, passwordPolicy: DEFAULT_PASSWORD_POLICY, localAuth: true };

describe("loadConfig", () => {
  it("fetches /config.json from the same origin, uncached, and returns the parsed config", async () => {
    const server = fakeFetch(() => json(200, valid));
    const config = await loadConfig(server.fetch);
    expect(server.calls).toHaveLength(1);
    expect(server.calls[0]?.url).toBe("/config.json");
    expect(config).toEqual(parsed);
  });

  it("fails with a readable error on a non-200 answer", async () => {
    const server = fakeFetch(() => new Response("nope", { status: 404 }));
    await expect(loadConfig(server.fetch)).rejects.toThrow(/HTTP 404/);
  });

  it("fails with a readable error on invalid JSON", async () => {
    const server = fakeFetch(() => new Response("<html>", { status: 200 }));
    await expect(loadConfig(server.fetch)).rejects.toBeInstanceOf(ConfigError);
  });

  it("fails with a readable error when the server is unreachable", async () => {
    const failing = (() => Promise.reject(new TypeError("Failed to fetch"))) as typeof fetch;
    await expect(loadConfig(failing)).rejects.toThrow(/недоступен/);
  });
});

describe("parseConfig", () => {
  it("trims a trailing slash from apiBase and keeps absolute API URLs", () => {
    expect(parseConfig({ ...valid, apiBase: "/api/" }).apiBase).toBe("/api");
    expect(parseConfig({ ...valid, apiBase: "https://x.execute-api.eu-central-1.amazonaws.com/api" }).apiBase).toBe(
      "https://x.execute-api.eu-central-1.amazonaws.com/api",
    );
  });

  it("derives the AWS Cognito endpoint from the region when none is given", () => {
    const rest: Record<string, unknown> = { ...valid };
    delete rest.cognitoEndpoint;
    expect(parseConfig(rest).cognitoEndpoint).toBe("https://cognito-idp.eu-central-1.amazonaws.com/");
  });

  it("revokes tokens on sign-out against AWS by default, not against a local endpoint, unless set", () => {
    expect(parseConfig(valid).revokeTokensOnSignOut).toBe(false);
    const rest: Record<string, unknown> = { ...valid };
    delete rest.cognitoEndpoint;
    expect(parseConfig(rest).revokeTokensOnSignOut).toBe(true);
    expect(parseConfig({ ...valid, revokeTokensOnSignOut: true }).revokeTokensOnSignOut).toBe(true);
    expect(() => parseConfig({ ...valid, revokeTokensOnSignOut: "yes" })).toThrow(/revokeTokensOnSignOut/);
  });

  it.each(["apiBase", "region", "userPoolId", "userPoolClientId"])("names a missing %s", (field) => {
    const config: Record<string, unknown> = { ...valid };
    delete config[field];
    expect(() => parseConfig(config)).toThrow(new RegExp(`«${field}»`));
  });

  it("rejects wrong types and malformed URLs", () => {
    expect(() => parseConfig([])).toThrow(ConfigError);
    expect(() => parseConfig({ ...valid, region: 5 })).toThrow(/«region»/);
    expect(() => parseConfig({ ...valid, apiBase: "api" })).toThrow(/apiBase/);
    expect(() => parseConfig({ ...valid, cognitoEndpoint: "ftp://x" })).toThrow(/cognitoEndpoint/);
  });

  it("ignores extra fields", () => {
    expect(parseConfig({ ...valid, spaUrl: "https://example.org", extra: { a: 1 } })).toEqual(parsed);
  });

  it("reads the pool's password policy, and names a wrong one", () => {
    const policy = { minLength: 8, requireLowercase: true, requireUppercase: false, requireNumbers: true, requireSymbols: true };
    expect(parseConfig({ ...valid, passwordPolicy: policy }).passwordPolicy).toEqual(policy);
    expect(() => parseConfig({ ...valid, passwordPolicy: { minLength: "12" } })).toThrow(/passwordPolicy.minLength/);
    expect(parseConfig({ ...valid, cognitoEndpoint: undefined }).localAuth).toBe(false);
  });
});
