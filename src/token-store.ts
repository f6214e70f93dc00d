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

export interface TokenStore {
  readonly kind: 'indexeddb' | 'memory';
  get(): Promise<TokenSet | undefined>;
  set(tokens: TokenSet): Promise<void>;
  clear(): Promise<void>;
}

export function memoryStore(): TokenStore {
  let value: TokenSet | undefined;
  return {
    kind: 'memory',
    get: async () => value,
    set: async (tokens) => {
      value = tokens;
    },
    clear: async () => {
      value = undefined;
    },
  };
}

let database: UseStore | undefined;

/** Tokens in IndexedDB (never localStorage: RFC 9700 browser BCP), one record per issuer + client. */
export function indexedDbStore(namespace: string): TokenStore {
  database ??= createStore('grantkit', 'sessions');
  const db = database;
  return {
    kind: 'indexeddb',
    get: () => get<TokenSet>(namespace, db),
    set: (tokens) => set(namespace, tokens, db),
    clear: () => del(namespace, db),
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
