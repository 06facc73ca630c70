/**
 * One attempt at an action that must happen once (a payment, a deposit opened or closed, a
 * refinance): the body that was quoted and the Idempotency-Key generated for it, kept in the tab's
 * sessionStorage from the quote on. A double click, a reload or a retry after a network error sends
 * the same key with the same body, and the server answers with what it already did. Changing
 * anything is a new attempt with a new key.
 */
export interface Keyed {
  /** Generated once per attempt: the same key for every retry of it. */
  readonly key: string;
}

export interface StoredOf<A extends Keyed, Q> {
  readonly attempt: A;
  readonly quote: Q;
  /** Confirm was pressed: on a reload the same request is sent again to learn its outcome. */
  readonly sent: boolean;
  readonly at: number;
}

export type Store = Pick<Storage, "getItem" | "setItem" | "removeItem">;

/** A quote older than this is asked again (the balance may have changed). */
export const ATTEMPT_TTL_MS = 30 * 60_000;

export const newKey = (): string => crypto.randomUUID();

/** Load/save/clear for the attempts kept under one sessionStorage key. */
export function attemptStore<A extends Keyed, Q>(storageKey: string, ttlMs: number = ATTEMPT_TTL_MS) {
  return {
    load(store: Store, now: number = Date.now()): StoredOf<A, Q> | null {
      try {
        const raw = store.getItem(storageKey);
        if (!raw) return null;
        const stored = JSON.parse(raw) as StoredOf<A, Q>;
        if (!stored.attempt?.key || now - stored.at > ttlMs) {
          store.removeItem(storageKey);
          return null;
        }
        return stored;
      } catch {
        store.removeItem(storageKey);
        return null;
      }
    },
    save(store: Store, attempt: A, quote: Q, sent: boolean, now: number = Date.now()): StoredOf<A, Q> {
      const stored: StoredOf<A, Q> = { attempt, quote, sent, at: now };
      store.setItem(storageKey, JSON.stringify(stored));
      return stored;
    },
    clear(store: Store): void {
      store.removeItem(storageKey);
    },
  };
}
