import type { DPoPKey } from './dpop.js';
import { indexedDbStore, memoryStore, type Store } from './token-store.js';

/**
 * A client's DPoP key over its life: made on first use, kept beside the tokens (in
 * IndexedDB, or in memory after a fallback) so every tab of the session signs with it,
 * and forgotten with the session, so the next sign-in gets a new one.
 *
 * The proofs themselves are `dpop.ts`, which loads with import() when a key is first
 * needed. It does not use oauth4webapi's `DPoP()` handle: that handle and its
 * `generateKeyPair` add 1,485 B gzip to the oauth4webapi code every app loads up front
 * (measured with rollup and terser against the functions grantkit already uses), while
 * `dpop.ts` is 1,352 B loaded only by apps that bind tokens, and keeps one nonce per origin
 * for the authorization server and the app's APIs alike (RFC 9449 §8, §9).
 */
export class DPoPKeyHolder {
  readonly #namespace: string;
  /** Whether the tokens are kept in memory now (after IndexedDB failed): the key then is too. */
  readonly #inMemory: () => boolean;
  /** IndexedDB failed while the key was read or written: the client falls back to memory. */
  readonly #storageFailed: (cause: unknown) => void;
  #key: Promise<DPoPKey> | undefined;
  #memoryKeys: Store<CryptoKeyPair> | undefined;

  constructor(namespace: string, inMemory: () => boolean, storageFailed: (cause: unknown) => void) {
    this.#namespace = namespace;
    this.#inMemory = inMemory;
    this.#storageFailed = storageFailed;
  }

  /** The key, made or read once; bound so it can be handed on as a plain function. */
  readonly get = (): Promise<DPoPKey> => {
    // Not a destructuring parameter: rollup 4.67 tree-shakes the whole chunk away with one.
    this.#key ??= import('./dpop.js').then(async (dpop) => {
      try {
        return await dpop.loadOrCreateKey(this.#namespace, this.#store());
      } catch (cause) {
        this.#storageFailed(cause);
        return dpop.loadOrCreateKey(this.#namespace, this.#store());
      }
    });
    return this.#key;
  };

  /**
   * Ends the key with the session. `bound` says the session's tokens were DPoP-bound, so a
   * stored key exists even if this page never loaded it.
   */
  async forget(bound: boolean): Promise<void> {
    if (this.#key === undefined && !bound) return;
    this.#key = undefined;
    await this.#store().clear().catch(() => undefined);
  }

  /** Drops the key from this page only: another tab ended the session and removes the stored one. */
  drop(): void {
    this.#key = undefined;
  }

  /** Where the key lives: beside the tokens. */
  #store(): Store<CryptoKeyPair> {
    if (this.#inMemory()) return (this.#memoryKeys ??= memoryStore());
    return indexedDbStore(this.#namespace, 'grantkit-dpop');
  }
}
