import { createStore, del, get, set, type UseStore } from 'idb-keyval';

/** What the client keeps of a sign-in. Times are milliseconds on the local clock. */
export interface TokenSet {
  accessToken: string;
  tokenType: string;
  /** When the access token stops being valid, from `expires_in` at receipt; absent when the server gave no lifetime. */
  expiresAt?: number;
  receivedAt: number;
  refreshToken?: string;
  idToken?: string;
  /** The validated ID-token claims. */
  claims?: UserClaims;
  scope?: string;
  /** Seconds the server's clock is ahead of ours, learnt from the ID token; DPoP proofs carry server time. */
  clockSkew?: number;
}

/** ID-token claims of the signed-in user. */
export interface UserClaims {
  sub: string;
  [claim: string]: unknown;
}

/** One value kept for one issuer + client: the tokens, or the DPoP key pair. */
export interface Store<T> {
  readonly kind: 'indexeddb' | 'memory';
  get(): Promise<T | undefined>;
  set(value: T): Promise<void>;
  clear(): Promise<void>;
}

export type TokenStore = Store<TokenSet>;

export function memoryStore<T = TokenSet>(): Store<T> {
  let stored: T | undefined;
  return {
    kind: 'memory',
    get: async () => stored,
    set: async (value) => {
      stored = value;
    },
    clear: async () => {
      stored = undefined;
    },
  };
}

const databases = new Map<string, UseStore>();

/**
 * In IndexedDB (never localStorage: RFC 9700 browser BCP), one record per issuer + client.
 * Tokens live in `grantkit`; DPoP key pairs, which stay non-extractable when stored, in `grantkit-dpop`.
 */
export function indexedDbStore<T = TokenSet>(namespace: string, database: 'grantkit' | 'grantkit-dpop' = 'grantkit'): Store<T> {
  let db = databases.get(database);
  if (!db) databases.set(database, (db = createStore(database, database === 'grantkit' ? 'sessions' : 'keys')));
  const store = db;
  return {
    kind: 'indexeddb',
    get: () => get<T>(namespace, store),
    set: (value) => set(namespace, value, store),
    clear: () => del(namespace, store),
  };
}

/**
 * Opens IndexedDB, and falls back to memory when the browser refuses it (some private
 * modes, disabled storage). The caller learns of the fallback to tell the user.
 */
export async function openTokenStore(
  kind: 'indexeddb' | 'memory',
  namespace: string,
): Promise<{ store: TokenStore; tokens: TokenSet | undefined; fallbackCause?: unknown }> {
  if (kind === 'memory') return { store: memoryStore(), tokens: undefined };
  const store = indexedDbStore(namespace);
  try {
    return { store, tokens: await store.get() };
  } catch (fallbackCause) {
    return { store: memoryStore(), tokens: undefined, fallbackCause };
  }
}
