/**
 * The signed-in session: kept in storage across reloads (and shared between tabs), refreshed
 * with REFRESH_TOKEN_AUTH shortly before the ID token expires, and cleared on sign-out.
 * Framework-free; React reads it through `useSyncExternalStore` (see AuthProvider).
 */
import type { CognitoTokens } from "./cognito";
import { AuthError } from "./errors";
import { decodeJwtPayload } from "../lib/jwt";

export interface Session {
  /** What the user typed to sign in. */
  readonly username: string;
  /** `email` claim of the ID token, or the username when the token has none. */
  readonly email: string;
  readonly idToken: string;
  readonly accessToken: string;
  readonly refreshToken: string;
  /** When the ID/access tokens expire, ms since the epoch (local clock). */
  readonly expiresAt: number;
}

/** Why the last session ended: "user" signed out, "everywhere" on every device, or it "expired". */
export type SignOutReason = "user" | "everywhere" | "expired";

export interface SessionState {
  readonly session: Session | null;
  readonly signOutReason: SignOutReason | null;
}

/** The part of CognitoClient the session needs (kept narrow so tests can fake it). */
export interface AuthBackend {
  signIn(username: string, password: string): Promise<CognitoTokens & { refreshToken: string }>;
  refresh(refreshToken: string): Promise<CognitoTokens>;
  revoke(refreshToken: string): Promise<void>;
  globalSignOut(accessToken: string): Promise<void>;
}

export interface SessionManagerOptions {
  readonly backend: AuthBackend;
  /** Sessions stored for another app client are ignored. */
  readonly clientId: string;
  readonly storage?: Storage | null;
  readonly now?: () => number;
  /** Refresh when the token has less than this left. */
  readonly refreshMarginMs?: number;
  /** Revoke the refresh token at Cognito on sign-out (default true). */
  readonly revokeOnSignOut?: boolean;
  /** Where to listen for other tabs' changes (a Window); null to not listen. */
  readonly eventTarget?: EventTarget | null;
}

export const STORAGE_KEY = "finpulse.session.v1";
const DEFAULT_MARGIN_MS = 2 * 60 * 1000;

interface StoredSession {
  v: 1;
  clientId: string;
  username: string;
  idToken: string;
  accessToken: string;
  refreshToken: string;
  expiresAt: number;
}

export class SessionManager {
  private readonly backend: AuthBackend;
  private readonly clientId: string;
  private readonly storage: Storage | null;
  private readonly now: () => number;
  private readonly marginMs: number;
  private readonly eventTarget: EventTarget | null;
  private readonly revokeOnSignOut: boolean;
  private state: SessionState;
  private readonly listeners = new Set<() => void>();
  private inflightRefresh: Promise<string | null> | null = null;

  constructor(options: SessionManagerOptions) {
    this.backend = options.backend;
    this.clientId = options.clientId;
    this.storage = options.storage === undefined ? defaultStorage() : options.storage;
    this.now = options.now ?? Date.now;
    this.marginMs = options.refreshMarginMs ?? DEFAULT_MARGIN_MS;
    this.eventTarget = options.eventTarget === undefined ? defaultEventTarget() : options.eventTarget;
    this.revokeOnSignOut = options.revokeOnSignOut ?? true;
    this.state = { session: this.readStored(), signOutReason: null };
  }

  /**
   * Follows sign-ins, refreshes and sign-outs made in other tabs (storage events).
   * Returns the function that stops following.
   */
  watchOtherTabs(): () => void {
    const target = this.eventTarget;
    if (!target) return () => undefined;
    target.addEventListener("storage", this.onStorage);
    return () => target.removeEventListener("storage", this.onStorage);
  }

  getState = (): SessionState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  get session(): Session | null {
    return this.state.session;
  }

  async signIn(username: string, password: string): Promise<Session> {
    const tokens = await this.backend.signIn(username, password);
    const session = makeSession(username, tokens, tokens.refreshToken, this.now());
    this.setState({ session, signOutReason: null });
    this.write(session);
    return session;
  }

  /** Ends the session locally at once and (if enabled) revokes its refresh token in the background. */
  signOut(reason: SignOutReason = "user"): void {
    const current = this.state.session;
    this.inflightRefresh = null;
    this.remove();
    this.setState({ session: null, signOutReason: reason });
    if (current && reason === "user" && this.revokeOnSignOut) void this.backend.revoke(current.refreshToken);
  }

  /**
   * Signs out on every device (Cognito GlobalSignOut: every refresh token of the user stops
   * working), then here. Throws AuthError when Cognito could not be told; the session is kept
   * so the person can try again rather than believe the other devices are signed out.
   */
  async signOutEverywhere(): Promise<void> {
    await this.getIdToken(); // refreshes the access token too when it is about to expire
    const session = this.state.session;
    if (!session) return;
    try {
      await this.backend.globalSignOut(session.accessToken);
    } catch (error) {
      if (!(error instanceof AuthError && error.kind === "session")) throw error;
      // Already revoked (e.g. from another device): signing out here is all that is left.
    }
    if (this.state.session === session) this.signOut("everywhere");
  }

  /**
   * A usable ID token for the API, refreshed first when it is about to expire; null when
   * signed out. Throws AuthError("network"/"service") only when the token has expired and
   * could not be refreshed for a temporary reason (the session is kept).
   */
  async getIdToken(): Promise<string | null> {
    const session = this.state.session;
    if (!session) return null;
    if (this.now() < session.expiresAt - this.marginMs) return session.idToken;
    try {
      return await this.refresh();
    } catch (error) {
      if (this.state.session === session && this.now() < session.expiresAt) return session.idToken;
      throw error;
    }
  }

  /**
   * Forces a refresh (e.g. after the API answered 401). Concurrent callers share one request.
   * Resolves to the new ID token, or null when there is no session or Cognito refused the
   * refresh token (then the session is ended with reason "expired").
   */
  refresh(): Promise<string | null> {
    const session = this.state.session;
    if (!session) return Promise.resolve(null);
    if (!this.inflightRefresh) {
      const request: Promise<string | null> = this.doRefresh(session).finally(() => {
        if (this.inflightRefresh === request) this.inflightRefresh = null;
      });
      this.inflightRefresh = request;
    }
    return this.inflightRefresh;
  }

  private async doRefresh(session: Session): Promise<string | null> {
    let tokens: CognitoTokens;
    try {
      tokens = await this.backend.refresh(session.refreshToken);
    } catch (error) {
      if (error instanceof AuthError && (error.kind === "session" || error.kind === "configuration")) {
        if (this.state.session === session) this.signOut("expired");
        return null;
      }
      throw error;
    }
    // Signed out (or signed in anew) while the request was in flight: drop the result.
    if (this.state.session !== session) return this.state.session?.idToken ?? null;
    const next = makeSession(session.username, tokens, tokens.refreshToken ?? session.refreshToken, this.now());
    this.setState({ session: next, signOutReason: null });
    this.write(next);
    return next.idToken;
  }

  private setState(next: SessionState): void {
    this.state = next;
    for (const listener of [...this.listeners]) listener();
  }

  private readonly onStorage = (event: Event): void => {
    const key = (event as StorageEvent).key;
    if (key !== null && key !== STORAGE_KEY) return;
    const stored = this.readStored();
    if (stored?.idToken === this.state.session?.idToken) return;
    this.setState({ session: stored, signOutReason: null });
  };

  private readStored(): Session | null {
    if (!this.storage) return null;
    let raw: string | null;
    try {
      raw = this.storage.getItem(STORAGE_KEY);
    } catch {
      return null;
    }
    if (!raw) return null;
    try {
      const value: unknown = JSON.parse(raw);
      if (!isStoredSession(value) || value.clientId !== this.clientId) return null;
      return withClaims({
        username: value.username,
        email: value.username,
        idToken: value.idToken,
        accessToken: value.accessToken,
        refreshToken: value.refreshToken,
        expiresAt: value.expiresAt,
      });
    } catch {
      return null;
    }
  }

  private write(session: Session): void {
    if (!this.storage) return;
    const stored: StoredSession = {
      v: 1,
      clientId: this.clientId,
      username: session.username,
      idToken: session.idToken,
      accessToken: session.accessToken,
      refreshToken: session.refreshToken,
      expiresAt: session.expiresAt,
    };
    try {
      this.storage.setItem(STORAGE_KEY, JSON.stringify(stored));
    } catch {
      // Storage full or disabled: the session still works until the page is reloaded.
    }
  }

  private remove(): void {
    try {
      this.storage?.removeItem(STORAGE_KEY);
    } catch {
      // ignore
    }
  }
}

function makeSession(username: string, tokens: CognitoTokens, refreshToken: string, now: number): Session {
  return withClaims({
    username,
    email: username,
    idToken: tokens.idToken,
    accessToken: tokens.accessToken,
    refreshToken,
    expiresAt: now + tokens.expiresIn * 1000,
  });
}

function withClaims(session: Session): Session {
  const claims = decodeJwtPayload(session.idToken);
  const email = claims && typeof claims.email === "string" && claims.email ? claims.email : session.username;
  return { ...session, email };
}

function isStoredSession(value: unknown): value is StoredSession {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    v.v === 1 &&
    typeof v.clientId === "string" &&
    typeof v.username === "string" &&
    typeof v.idToken === "string" &&
    typeof v.accessToken === "string" &&
    typeof v.refreshToken === "string" &&
    typeof v.expiresAt === "number" &&
    Number.isFinite(v.expiresAt)
  );
}

function defaultStorage(): Storage | null {
  try {
    return typeof window !== "undefined" ? window.localStorage : null;
  } catch {
    return null;
  }
}

function defaultEventTarget(): EventTarget | null {
  return typeof window !== "undefined" ? window : null;
}
