import type { Schemas } from './operation-types.js';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { open, readFile, rename } from 'node:fs/promises';

// The admin API's state. In memory by default; with a file, changes are written to a
// temporary file, flushed to disk and renamed over the old one, so a crash mid-write
// leaves either the old state or the new one, never half of each. Writes are coalesced:
// at most one in flight and one waiting, which takes the state as it is when it starts.

// The document's names for these, so that the stored records cannot drift from it.
export type GrantType = Schemas['GrantType'];
export type AuthMethod = Schemas['IntegrationCreate']['token_endpoint_auth_method'];
export type Role = Schemas['Role'];

export interface SecretHash {
  /** SHA-256 of the secret: secrets are 256-bit random, so a fast hash does not weaken them. */
  sha256: string;
  last4: string;
}

export interface StoredIntegration {
  client_id: string;
  client_name: string;
  version: string;
  description: string;
  token_endpoint_auth_method: AuthMethod;
  redirect_uris: string[];
  grant_types: GrantType[];
  access_token_lifetime: number | null;
  refresh_count: number | null;
  audience?: string;
  scopes: string[];
  status: 'active' | 'inactive';
  secret?: SecretHash;
  previous_secret?: SecretHash & { expires_at: string };
  created_at: string;
  updated_at: string;
}

export interface StoredScope {
  name: string;
  description: string;
  service_urls: string[];
  created_at: string;
  updated_at: string;
}

export interface StoredPersonalToken {
  id: string;
  owner: string;
  name: string;
  scope: string[];
  roles: Role[];
  secret: SecretHash;
  created_at: string;
  expires_at: string;
  last_used_at: string | null;
}

/** A user's consent to an integration (a connected app): the scopes they allowed it. */
export interface StoredConsent {
  account_id: string;
  client_id: string;
  scopes: string[];
  granted_at: string;
  updated_at: string;
  last_used_at: string | null;
}

export interface StoreData {
  version: 1;
  integrations: StoredIntegration[];
  scopes: StoredScope[];
  personalTokens: StoredPersonalToken[];
  /** Absent in data files written before consent existed. */
  consents?: StoredConsent[];
  /** The authorization server's own state (sessions, grants, tokens), so a restart signs nobody out. */
  oidc?: { entries: Record<string, { payload: Record<string, unknown>; expiresAt: number | undefined }>; refreshes: Record<string, number> };
  /** Signing and cookie keys, kept with the state they protect. */
  keys?: { signing: Record<string, unknown>; cookie: string; /** Absent in files written before DPoP nonces. */ dpopNonce?: string };
}

/** A store with nothing in it: what a server outside demo mode starts from. */
export function emptyData(): StoreData {
  return { version: 1, integrations: [], scopes: [], personalTokens: [], consents: [] };
}

export function hashSecret(secret: string): SecretHash {
  return { sha256: createHash('sha256').update(secret).digest('base64url'), last4: secret.slice(-4) };
}

export function secretMatches(secret: string, hash: SecretHash): boolean {
  return hashMatches(hashSecret(secret).sha256, hash);
}

/** Compares an already computed hash, so one presented secret can be checked against many. */
export function hashMatches(sha256: string, hash: SecretHash): boolean {
  const given = Buffer.from(sha256);
  const expected = Buffer.from(hash.sha256);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function newSecret(prefix: string): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

export class Store {
  data: StoreData;
  readonly #file: string | undefined;

  /** Whether state survives a restart (a file store). */
  get persistent(): boolean {
    return this.#file !== undefined;
  }
  /** The write in flight, if any. */
  #current: Promise<void> | undefined;
  /** The write that will start when the current one ends; every change since the current one started joins it. */
  #next: Promise<void> | undefined;
  readonly #prepare: Array<() => void> = [];
  #writes = 0;

  /** How many times the file has been written: for tests and monitoring. */
  get writes(): number {
    return this.#writes;
  }

  readonly #persist: Persist;

  private constructor(data: StoreData, file: string | undefined, persist: Persist) {
    this.data = data;
    this.#file = file;
    this.#persist = persist;
  }

  /** Opens the file store (creating it from `seed` when absent), or a memory store when no file is given. */
  static async open(file: string | undefined, seed: () => StoreData, persist: Persist = writeAtomically): Promise<Store> {
    if (!file) return new Store(seed(), undefined, persist);
    let data: StoreData;
    try {
      data = JSON.parse(await readFile(file, 'utf8')) as StoreData;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new Error(`cannot read the data file ${file}`, { cause: error });
      data = seed();
    }
    const store = new Store(data, file, persist);
    await store.save();
    return store;
  }

  /**
   * Copies state kept elsewhere (the token memory) into `data` right before each write,
   * so that a change there costs a flag, not a copy of everything.
   */
  beforeWrite(prepare: () => void): void {
    this.#prepare.push(prepare);
  }

  /**
   * Asks for the state to be written; resolves once a write that began after this call has
   * landed. A burst of changes makes two writes, not one per change: serialising the whole
   * state on every change made each anonymous sign-in cost a copy of all the others.
   */
  save(): Promise<void> {
    const file = this.#file;
    if (!file) return Promise.resolve();
    if (this.#next) return this.#next;
    const next = (this.#current ?? Promise.resolve())
      .catch(() => undefined) // a failed write was reported to its callers; the next one still runs
      .then(() => {
        // From here on a change needs another write: this one takes the state as it is now.
        this.#next = undefined;
        return (this.#current = this.#write(file));
      });
    this.#next = next;
    return next;
  }

  /** Resolves once every change asked to be saved so far is on disk (for a clean shutdown); starts no write. */
  async flushed(): Promise<void> {
    await (this.#next ?? this.#current)?.catch(() => undefined);
  }

  async #write(file: string): Promise<void> {
    for (const prepare of this.#prepare) prepare();
    await this.#persist(file, JSON.stringify(this.data, null, 2));
    this.#writes++;
  }
}

/** How a file store's text reaches its file: tests wrap it to hold a write in flight. */
export type Persist = (file: string, text: string) => Promise<void>;

/** Writes to a temporary file, flushes it to disk and renames it over the old one. */
export const writeAtomically: Persist = async (file, text) => {
  const temporary = `${file}.${process.pid}.tmp`;
  const handle = await open(temporary, 'w', 0o600);
  try {
    await handle.writeFile(text);
    // On disk before the rename: after a power cut the name points at old or new data, not at an empty file.
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temporary, file);
};
