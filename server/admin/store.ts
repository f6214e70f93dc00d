import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';

// The admin API's state. In memory by default; with a file, every change is written
// to a temporary file and renamed over the old one, so a crash mid-write leaves either
// the old state or the new one, never half of each.

export type GrantType = 'authorization_code' | 'refresh_token' | 'client_credentials';
export type AuthMethod = 'none' | 'client_secret_basic' | 'client_secret_post';
export type Role = 'admin' | 'viewer';

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
  #writing: Promise<void> = Promise.resolve();

  private constructor(data: StoreData, file: string | undefined) {
    this.data = data;
    this.#file = file;
  }

  /** Opens the file store (creating it from `seed` when absent), or a memory store when no file is given. */
  static async open(file: string | undefined, seed: () => StoreData): Promise<Store> {
    if (!file) return new Store(seed(), undefined);
    let data: StoreData;
    try {
      data = JSON.parse(await readFile(file, 'utf8')) as StoreData;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new Error(`cannot read the data file ${file}`, { cause: error });
      data = seed();
    }
    const store = new Store(data, file);
    await store.save();
    return store;
  }

  /** Writes the state; writes are queued so that the last change always lands last. */
  save(): Promise<void> {
    const file = this.#file;
    if (!file) return Promise.resolve();
    const snapshot = JSON.stringify(this.data, null, 2);
    this.#writing = this.#writing.then(async () => {
      const temporary = `${file}.${process.pid}.tmp`;
      await writeFile(temporary, snapshot, { mode: 0o600 });
      await rename(temporary, file);
    });
    return this.#writing;
  }
}
