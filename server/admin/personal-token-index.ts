import type { Store, StoredPersonalToken } from './store.js';

/**
 * The store's personal access tokens by the SHA-256 of their value, so that a presented
 * token is found with one map look-up instead of a comparison with every stored token
 * (up to 100 per user, and every request of every script pays it). The map's own string
 * hashing is not constant-time, but what it hashes is a SHA-256 of the caller's own guess,
 * which tells nothing about any stored token (the key found is that very hash, so there is
 * nothing left to compare).
 *
 * Tokens are added and removed through here, which keeps the map and the list together. A
 * list changed behind its back (another array, or another length) is indexed anew.
 */
export class PersonalTokenIndex {
  static #indexes = new WeakMap<Store, PersonalTokenIndex>();

  static of(store: Store): PersonalTokenIndex {
    let index = PersonalTokenIndex.#indexes.get(store);
    if (!index) PersonalTokenIndex.#indexes.set(store, (index = new PersonalTokenIndex(store)));
    return index;
  }

  readonly #store: Store;
  #byHash = new Map<string, StoredPersonalToken>();
  #indexed: StoredPersonalToken[] | undefined;
  #length = 0;

  private constructor(store: Store) {
    this.#store = store;
  }

  find(sha256: string): StoredPersonalToken | undefined {
    return this.#current().get(sha256);
  }

  add(token: StoredPersonalToken): void {
    const byHash = this.#current();
    this.#store.data.personalTokens.push(token);
    byHash.set(token.secret.sha256, token);
    this.#length++;
  }

  remove(token: StoredPersonalToken): void {
    const byHash = this.#current();
    const list = this.#store.data.personalTokens;
    const at = list.indexOf(token);
    if (at === -1) return;
    list.splice(at, 1);
    byHash.delete(token.secret.sha256);
    this.#length--;
  }

  #current(): Map<string, StoredPersonalToken> {
    const list = this.#store.data.personalTokens;
    if (list !== this.#indexed || list.length !== this.#length) {
      this.#byHash = new Map(list.map((t) => [t.secret.sha256, t]));
      this.#indexed = list;
      this.#length = list.length;
    }
    return this.#byHash;
  }
}
