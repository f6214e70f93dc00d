import { createHmac, randomBytes } from 'node:crypto';
import type { Adapter, AdapterPayload } from 'oidc-provider';
import type { IssuedToken } from '../admin/tokens.js';
import { isAnonymous, PendingQueue } from './pending.js';
import { requestSource } from '../request-source.js';

// oidc-provider's storage. Clients come from the admin store (integrations are real
// clients); everything else lives in memory with its expiry, indexed by grant and by
// client so that deactivating or deleting an integration can end all of its tokens.

export interface Entry {
  payload: AdapterPayload;
  expiresAt: number | undefined;
}

export type ClientSource = (clientId: string) => AdapterPayload | undefined;

/** Decides whether a grant may still refresh; consulted whenever a refresh token is looked up. */
export type RefreshAllowance = (clientId: string, refreshesUsed: number) => boolean;

/** What the token memory keeps across a restart, in the file store. */
export interface TokenSnapshot {
  entries: Record<string, Entry>;
  refreshes: Record<string, number>;
}

export interface MemoryOptions {
  /** The clock expiry is measured by, in ms (tests move it). Default Date.now. */
  now?: () => number;
  /** Anonymous entries (see isAnonymous) held at once; past it the oldest is dropped. Default 10,000. */
  maxAnonymous?: number;
}

export class TokenMemory {
  readonly #entries = new Map<string, Entry>();
  readonly #onChange: () => void;
  readonly #now: () => number;
  /** Bounds what sign-ins nobody finished can cost, whatever their TTL and however fast they come. */
  readonly #anonymous: PendingQueue;
  readonly #byGrant = new Map<string, Set<string>>();
  readonly #byClient = new Map<string, Set<string>>();
  readonly #byUid = new Map<string, string>();
  readonly #byUserCode = new Map<string, string>();
  /** Refreshes done per grant, for integrations' refresh count. */
  readonly #refreshes = new Map<string, number>();
  #allowance: RefreshAllowance = () => true;
  /**
   * Keys the handles the admin API lists and revokes tokens by. A client-credentials
   * token's jti is its bearer value (opaque tokens), so listing it would hand every viewer
   * a live token: a handle is an HMAC of what it names, which cannot be turned back into
   * the token or the grant. In memory only: after a restart the handles are new, nothing else.
   */
  readonly #handleKey = randomBytes(32);
  /** Handles by what they name (`Grant:<grantId>`, `ClientCredentials:<jti>`), as of the last listing… */
  #handles = new Map<string, string>();
  /** …and back, for revoking by handle. */
  #named = new Map<string, string>();

  /** Starts from a snapshot when given; `onChange` is told after every change, to persist it. */
  constructor(snapshot?: TokenSnapshot, onChange: () => void = () => undefined, options: MemoryOptions = {}) {
    this.#onChange = onChange;
    this.#now = options.now ?? (() => Date.now());
    this.#anonymous = new PendingQueue(options.maxAnonymous ?? 10_000);
    for (const [k, entry] of Object.entries(snapshot?.entries ?? {})) {
      if (!this.#live(entry)) continue;
      this.#entries.set(k, entry);
      this.#index(k, entry.payload);
      this.#admit(k, entry.payload);
    }
    for (const [grantId, count] of Object.entries(snapshot?.refreshes ?? {})) this.#refreshes.set(grantId, count);
  }

  snapshot(): TokenSnapshot {
    const entries: Record<string, Entry> = {};
    for (const [k, entry] of this.#entries) if (this.#live(entry)) entries[k] = entry;
    return { entries, refreshes: Object.fromEntries(this.#refreshes) };
  }

  #index(k: string, payload: AdapterPayload): void {
    if (payload.grantId) index(this.#byGrant, payload.grantId, k);
    if (payload.clientId) index(this.#byClient, payload.clientId, k);
    if (payload.uid) this.#byUid.set(payload.uid, k);
    if (payload.userCode) this.#byUserCode.set(payload.userCode, k);
  }

  /** Sets the rule that ends a grant's refreshing when its integration's refresh count is used up. */
  limitRefreshes(allowance: RefreshAllowance): void {
    this.#allowance = allowance;
  }

  /** Counts one refresh of a grant (called when the provider reports a successful refresh). */
  countRefresh(grantId: string): void {
    this.#refreshes.set(grantId, (this.#refreshes.get(grantId) ?? 0) + 1);
    this.#onChange();
  }

  adapterFor(name: string, clients: ClientSource): Adapter {
    if (name === 'Client') {
      return {
        find: async (id: string) => clients(id),
        upsert: async () => undefined,
        destroy: async () => undefined,
        consume: async () => undefined,
        findByUid: async () => undefined,
        findByUserCode: async () => undefined,
        revokeByGrantId: async () => undefined,
      };
    }
    const key = (id: string) => `${name}:${id}`;
    return {
      upsert: async (id, payload, expiresIn) => {
        const k = key(id);
        this.#entries.set(k, { payload, expiresAt: expiresIn ? this.#now() + expiresIn * 1000 : undefined });
        this.#index(k, payload);
        this.#admit(k, payload);
        this.#onChange();
      },
      find: async (id) => {
        const payload = this.#read(key(id));
        // An exhausted refresh token reads as gone, so the refresh fails with invalid_grant.
        if (payload && name === 'RefreshToken' && payload.grantId && payload.clientId) {
          if (!this.#allowance(payload.clientId, this.#refreshes.get(payload.grantId) ?? 0)) return undefined;
        }
        return payload;
      },
      findByUid: async (uid) => this.#read(this.#byUid.get(uid)),
      findByUserCode: async (code) => this.#read(this.#byUserCode.get(code)),
      consume: async (id) => {
        const entry = this.#entries.get(key(id));
        if (entry) entry.payload.consumed = Math.floor(this.#now() / 1000);
        this.#onChange();
      },
      destroy: async (id) => {
        this.#remove(key(id));
        this.#onChange();
      },
      revokeByGrantId: async (grantId) => {
        this.#removeAll(this.#byGrant.get(grantId));
        this.#onChange();
      },
    };
  }

  /** Ends every artefact issued to a client: tokens, codes, grants. */
  revokeClient(clientId: string): number {
    const removed = this.#removeAll(this.#byClient.get(clientId));
    this.#onChange();
    return removed;
  }

  /** Ends every grant a user gave a client, with its codes and tokens (a connected app taken back). */
  revokeGrantsOf(accountId: string, clientId: string): void {
    this.#removeAll(this.#byClient.get(clientId), (k) => this.#entries.get(k)?.payload.accountId === accountId);
    this.#onChange();
  }

  /** Tokens issued, in no particular order (the admin API orders them as it pages), each by its handle. */
  issued(): IssuedToken[] {
    const grants = new Map<string, IssuedToken>();
    const result: IssuedToken[] = [];
    // Handles are worked out once per entry: an HMAC per token per listing would cost more than the listing.
    const handles = new Map<string, string>();
    const handle = (name: string): string => {
      const known = this.#handles.get(name) ?? createHmac('sha256', this.#handleKey).update(name).digest('base64url');
      handles.set(name, known);
      return known;
    };
    for (const [k, entry] of this.#entries) {
      const p = entry.payload;
      const model = k.slice(0, k.indexOf(':'));
      if (model === 'ClientCredentials' && this.#live(entry)) {
        result.push({ id: handle(k), clientId: String(p.clientId), subject: String(p.clientId), scope: String(p.scope ?? ''), issuedAt: Number(p.iat), expiresAt: Number(p.exp), hasRefreshToken: false, refreshesUsed: 0 });
      }
      if ((model === 'AccessToken' || model === 'RefreshToken') && p.grantId) {
        const grantId = String(p.grantId);
        const current = grants.get(grantId) ?? {
          id: handle(`Grant:${grantId}`), clientId: String(p.clientId), subject: String(p.accountId), scope: '', issuedAt: 0, expiresAt: 0,
          hasRefreshToken: false, refreshesUsed: this.#refreshes.get(grantId) ?? 0,
        };
        // The newest access token of the grant says when it expires, even once it has.
        if (model === 'AccessToken' && Number(p.iat) >= current.issuedAt) {
          Object.assign(current, { scope: String(p.scope ?? ''), issuedAt: Number(p.iat), expiresAt: Number(p.exp) });
        }
        if (model === 'RefreshToken' && this.#live(entry) && !p.consumed) current.hasRefreshToken = true;
        grants.set(grantId, current);
      }
    }
    for (const grant of grants.values()) if (grant.issuedAt > 0) result.push(grant);
    // Only what is listed now keeps a handle, so the maps never outgrow the tokens.
    this.#handles = handles;
    this.#named = new Map([...handles].map(([name, h]) => [h, name]));
    return result;
  }

  /** Revokes one listed entry by its handle: a whole grant (access and refresh tokens), or one client-credentials token. */
  revoke(handle: string): boolean {
    if (!this.#named.has(handle)) this.issued();
    const name = this.#named.get(handle);
    if (name === undefined) return false;
    if (name.startsWith('Grant:')) {
      this.#removeAll(this.#byGrant.get(name.slice('Grant:'.length)));
      this.#remove(name);
      this.#onChange();
      return true;
    }
    const removed = this.#entries.has(name);
    this.#remove(name);
    this.#onChange();
    return removed;
  }

  /** Whether a live access, refresh or client-credentials token carries the scope. */
  scopeInUse(name: string): boolean {
    const wanted = name.toLowerCase();
    for (const model of ['AccessToken', 'RefreshToken', 'ClientCredentials']) {
      for (const payload of this.entries(model)) {
        if (String(payload.scope ?? '').toLowerCase().split(' ').includes(wanted)) return true;
      }
    }
    return false;
  }

  /** Live entries of one model, for listing issued tokens. */
  *entries(model: string): Generator<AdapterPayload> {
    for (const [k, entry] of this.#entries) {
      if (k.startsWith(`${model}:`) && this.#live(entry)) yield entry.payload;
    }
  }

  /**
   * Drops every expired entry. Expired entries are otherwise dropped only when read, and an
   * abandoned sign-in is never read again: without this they would pile up until the process
   * runs out of memory. Runs on a timer (sweepEvery), so no request pays for a full scan.
   */
  sweep(): number {
    const now = this.#now();
    let removed = 0;
    for (const [k, entry] of this.#entries) {
      if (entry.expiresAt !== undefined && entry.expiresAt <= now) {
        this.#remove(k);
        removed++;
      }
    }
    this.#anonymous.retain((k) => this.#entries.has(k));
    // No write for it: a snapshot leaves expired entries out, and the next change writes one.
    return removed;
  }

  /** Sweeps every `intervalMs`; the timer does not keep the process alive. Returns the stop. */
  sweepEvery(intervalMs: number): () => void {
    const timer = setInterval(() => this.sweep(), intervalMs);
    timer.unref();
    return () => clearInterval(timer);
  }

  /** Entries held of one model, expired or not: what the memory costs, for tests and monitoring. */
  stored(model: string): number {
    let count = 0;
    for (const k of this.#entries.keys()) if (k.startsWith(`${model}:`)) count++;
    return count;
  }

  #live(entry: Entry): boolean {
    return entry.expiresAt === undefined || entry.expiresAt > this.#now();
  }

  /** Counts an anonymous entry as the newest, evicting the oldest past the cap; a signed-in session leaves the count. */
  #admit(k: string, payload: AdapterPayload): void {
    const model = k.slice(0, k.indexOf(':'));
    if (!isAnonymous(model, payload)) return this.#anonymous.drop(k);
    for (const oldest of this.#anonymous.admit(k, requestSource())) this.#remove(oldest);
  }

  /** Deletes an entry with its index references, which would otherwise outlive it. */
  /** Removes each key of a set (a copy is walked: removing unindexes), where `which` agrees; returns how many went. */
  #removeAll(keys: ReadonlySet<string> | undefined, which: (k: string) => boolean = () => true): number {
    let removed = 0;
    for (const k of [...(keys ?? [])]) {
      if (!which(k) || !this.#entries.has(k)) continue;
      this.#remove(k);
      removed++;
    }
    return removed;
  }

  /** Every deletion goes through here, so no index keeps a key whose entry is gone. */
  #remove(k: string): void {
    this.#anonymous.drop(k);
    const entry = this.#entries.get(k);
    if (!entry) return;
    this.#entries.delete(k);
    const p = entry.payload;
    if (p.grantId) unindex(this.#byGrant, p.grantId, k);
    if (p.clientId) unindex(this.#byClient, p.clientId, k);
    if (p.uid && this.#byUid.get(p.uid) === k) this.#byUid.delete(p.uid);
    if (p.userCode && this.#byUserCode.get(p.userCode) === k) this.#byUserCode.delete(p.userCode);
  }

  #read(k: string | undefined): AdapterPayload | undefined {
    if (k === undefined) return undefined;
    const entry = this.#entries.get(k);
    if (!entry) return undefined;
    if (!this.#live(entry)) {
      this.#remove(k);
      return undefined;
    }
    return entry.payload;
  }
}

function index(map: Map<string, Set<string>>, id: string, k: string): void {
  let set = map.get(id);
  if (!set) map.set(id, (set = new Set()));
  set.add(k);
}

function unindex(map: Map<string, Set<string>>, id: string, k: string): void {
  const set = map.get(id);
  if (!set) return;
  set.delete(k);
  if (set.size === 0) map.delete(id);
}
