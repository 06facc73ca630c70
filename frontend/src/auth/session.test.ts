import { describe, expect, it, vi } from "vitest";
import { MemoryStorage, fakeJwt } from "../test/fakes";
import type { CognitoTokens } from "./cognito";
import { AuthError } from "./errors";
import { STORAGE_KEY, SessionManager, type AuthBackend } from "./session";

const HOUR = 3600;

function tokens(n: number, extra: Partial<CognitoTokens> = {}): CognitoTokens & { refreshToken: string } {
  return {
    idToken: fakeJwt({ sub: "sub-1", email: "demo@finpulse.dev", n }),
    accessToken: `access-${n}`,
    refreshToken: `refresh-${n}`,
    expiresIn: HOUR,
    ...extra,
  } as CognitoTokens & { refreshToken: string };
}

function setup(options: { storage?: MemoryStorage; clientId?: string; revokeOnSignOut?: boolean } = {}) {
  let now = 1_000_000;
  const storage = options.storage ?? new MemoryStorage();
  const backend = {
    signIn: vi.fn<AuthBackend["signIn"]>(async () => tokens(1)),
    refresh: vi.fn<AuthBackend["refresh"]>(async () => ({ ...tokens(2), refreshToken: undefined })),
    revoke: vi.fn<AuthBackend["revoke"]>(async () => undefined),
    globalSignOut: vi.fn<AuthBackend["globalSignOut"]>(async () => undefined),
  };
  const events = new EventTarget();
  const manager = new SessionManager({
    backend,
    clientId: options.clientId ?? "client-1",
    storage,
    now: () => now,
    eventTarget: events,
    ...(options.revokeOnSignOut !== undefined ? { revokeOnSignOut: options.revokeOnSignOut } : {}),
  });
  return {
    manager,
    backend,
    storage,
    events,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe("SessionManager", () => {
  it("signs in, exposes the email from the ID token and stores the session", async () => {
    const { manager, storage, backend } = setup();
    const listener = vi.fn();
    manager.subscribe(listener);

    await manager.signIn("Demo@FinPulse.dev", "pw");

    expect(backend.signIn).toHaveBeenCalledWith("Demo@FinPulse.dev", "pw");
    expect(manager.session?.email).toBe("demo@finpulse.dev");
    expect(listener).toHaveBeenCalled();
    expect(JSON.parse(storage.getItem(STORAGE_KEY) ?? "null")).toMatchObject({ refreshToken: "refresh-1" });
  });

  it("restores the stored session after a reload", async () => {
    const first = setup();
    await first.manager.signIn("demo@finpulse.dev", "pw");

    const reloaded = setup({ storage: first.storage });
    expect(reloaded.manager.session?.idToken).toBe(first.manager.session?.idToken);
    expect(await reloaded.manager.getIdToken()).toBe(first.manager.session?.idToken);
    expect(reloaded.backend.refresh).not.toHaveBeenCalled();
  });

  it("ignores a stored session of another app client and corrupt storage", async () => {
    const first = setup();
    await first.manager.signIn("demo@finpulse.dev", "pw");
    expect(setup({ storage: first.storage, clientId: "other" }).manager.session).toBeNull();

    const corrupt = new MemoryStorage();
    corrupt.setItem(STORAGE_KEY, "{not json");
    expect(setup({ storage: corrupt }).manager.session).toBeNull();
  });

  it("returns the current token while it is fresh, and refreshes shortly before expiry", async () => {
    const { manager, backend, storage, advance } = setup();
    await manager.signIn("demo@finpulse.dev", "pw");
    const first = manager.session!.idToken;

    advance(30 * 60 * 1000);
    expect(await manager.getIdToken()).toBe(first);
    expect(backend.refresh).not.toHaveBeenCalled();

    advance(29 * 60 * 1000); // one minute left
    const refreshed = await manager.getIdToken();
    expect(backend.refresh).toHaveBeenCalledWith("refresh-1");
    expect(refreshed).not.toBe(first);
    expect(manager.session?.idToken).toBe(refreshed);
    // Cognito sends no new refresh token: the old one is kept.
    expect(manager.session?.refreshToken).toBe("refresh-1");
    expect(JSON.parse(storage.getItem(STORAGE_KEY) ?? "null")).toMatchObject({ idToken: refreshed });
  });

  it("shares one refresh between concurrent callers", async () => {
    const { manager, backend } = setup();
    await manager.signIn("demo@finpulse.dev", "pw");
    const results = await Promise.all([manager.refresh(), manager.refresh(), manager.refresh()]);
    expect(backend.refresh).toHaveBeenCalledTimes(1);
    expect(new Set(results).size).toBe(1);
  });

  it("keeps a rotated refresh token", async () => {
    const { manager, backend } = setup();
    backend.refresh.mockResolvedValueOnce(tokens(3));
    await manager.signIn("demo@finpulse.dev", "pw");
    await manager.refresh();
    expect(manager.session?.refreshToken).toBe("refresh-3");
  });

  it("ends the session as expired when Cognito refuses the refresh token", async () => {
    const { manager, backend, storage } = setup();
    await manager.signIn("demo@finpulse.dev", "pw");
    backend.refresh.mockRejectedValueOnce(new AuthError("session", "NotAuthorizedException", "Сессия истекла."));

    expect(await manager.refresh()).toBeNull();
    expect(manager.getState()).toEqual({ session: null, signOutReason: "expired" });
    expect(storage.getItem(STORAGE_KEY)).toBeNull();
    expect(backend.revoke).not.toHaveBeenCalled();
  });

  it("keeps the session on a network failure, and uses the token while it is still valid", async () => {
    const { manager, backend, advance } = setup();
    await manager.signIn("demo@finpulse.dev", "pw");
    const token = manager.session!.idToken;
    backend.refresh.mockRejectedValue(new AuthError("network", "NetworkError", "offline"));

    advance(59 * 60 * 1000);
    expect(await manager.getIdToken()).toBe(token);

    advance(2 * 60 * 1000); // expired now
    await expect(manager.getIdToken()).rejects.toMatchObject({ kind: "network" });
    expect(manager.session).not.toBeNull();
  });

  it("signs out: clears storage, notifies, revokes the refresh token", async () => {
    const { manager, backend, storage } = setup();
    await manager.signIn("demo@finpulse.dev", "pw");
    const listener = vi.fn();
    manager.subscribe(listener);

    manager.signOut();

    expect(manager.getState()).toEqual({ session: null, signOutReason: "user" });
    expect(storage.getItem(STORAGE_KEY)).toBeNull();
    expect(listener).toHaveBeenCalled();
    expect(backend.revoke).toHaveBeenCalledWith("refresh-1");
    expect(await manager.getIdToken()).toBeNull();
  });

  it("does not call RevokeToken when revocation is off", async () => {
    const { manager, backend } = setup({ revokeOnSignOut: false });
    await manager.signIn("demo@finpulse.dev", "pw");
    manager.signOut();
    expect(manager.session).toBeNull();
    expect(backend.revoke).not.toHaveBeenCalled();
  });

  it("drops a refresh answer that arrives after sign-out", async () => {
    const { manager, backend } = setup();
    await manager.signIn("demo@finpulse.dev", "pw");
    let resolve!: (value: CognitoTokens) => void;
    backend.refresh.mockReturnValueOnce(new Promise((r) => (resolve = r)));

    const pending = manager.refresh();
    manager.signOut();
    resolve(tokens(9));

    expect(await pending).toBeNull();
    expect(manager.session).toBeNull();
  });

  it("follows sign-in and sign-out made in another tab", async () => {
    const shared = new MemoryStorage();
    const tab = setup({ storage: shared });
    const stop = tab.manager.watchOtherTabs();
    const other = setup({ storage: shared });

    await other.manager.signIn("demo@finpulse.dev", "pw");
    tab.events.dispatchEvent(Object.assign(new Event("storage"), { key: STORAGE_KEY }));
    expect(tab.manager.session?.idToken).toBe(other.manager.session?.idToken);

    other.manager.signOut();
    tab.events.dispatchEvent(Object.assign(new Event("storage"), { key: STORAGE_KEY }));
    expect(tab.manager.session).toBeNull();
    stop();
  });

  it("signs out on every device: GlobalSignOut with the access token, then here", async () => {
    const { manager, backend, storage } = setup();
    await manager.signIn("demo@finpulse.dev", "pw");
    await manager.signOutEverywhere();
    expect(backend.globalSignOut).toHaveBeenCalledWith("access-1");
    expect(manager.getState()).toEqual({ session: null, signOutReason: "everywhere" });
    expect(storage.getItem(STORAGE_KEY)).toBeNull();
  });

  it("keeps the session when Cognito could not be told, so the person can try again", async () => {
    const { manager, backend } = setup();
    await manager.signIn("demo@finpulse.dev", "pw");
    backend.globalSignOut.mockRejectedValueOnce(new AuthError("network", "NetworkError", "offline"));
    await expect(manager.signOutEverywhere()).rejects.toBeInstanceOf(AuthError);
    expect(manager.session).not.toBeNull();
  });
});
