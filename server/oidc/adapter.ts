import type { Adapter, AdapterPayload } from 'oidc-provider';

// oidc-provider's storage. Clients come from the admin store (integrations are real
// clients); everything else lives in memory with its expiry, indexed by grant and by
// client so that deactivating or deleting an integration can end all of its tokens.

interface Entry {
  payload: AdapterPayload;
  expiresAt: number | undefined;
}

export type ClientSource = (clientId: string) => AdapterPayload | undefined;

export class TokenMemory {
  readonly #entries = new Map<string, Entry>();
  readonly #byGrant = new Map<string, Set<string>>();
  readonly #byClient = new Map<string, Set<string>>();
  readonly #byUid = new Map<string, string>();
  readonly #byUserCode = new Map<string, string>();

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
        this.#entries.set(k, { payload, expiresAt: expiresIn ? Date.now() + expiresIn * 1000 : undefined });
        if (payload.grantId) index(this.#byGrant, payload.grantId, k);
        if (payload.clientId) index(this.#byClient, payload.clientId, k);
        if (payload.uid) this.#byUid.set(payload.uid, k);
        if (payload.userCode) this.#byUserCode.set(payload.userCode, k);
      },
      find: async (id) => this.#read(key(id)),
      findByUid: async (uid) => this.#read(this.#byUid.get(uid)),
      findByUserCode: async (code) => this.#read(this.#byUserCode.get(code)),
      consume: async (id) => {
        const entry = this.#entries.get(key(id));
        if (entry) entry.payload.consumed = Math.floor(Date.now() / 1000);
      },
      destroy: async (id) => {
        this.#entries.delete(key(id));
      },
      revokeByGrantId: async (grantId) => {
        for (const k of this.#byGrant.get(grantId) ?? []) this.#entries.delete(k);
        this.#byGrant.delete(grantId);
      },
    };
  }

  /** Ends every artefact issued to a client: tokens, codes, grants. */
  revokeClient(clientId: string): number {
    let removed = 0;
    for (const k of this.#byClient.get(clientId) ?? []) {
      if (this.#entries.delete(k)) removed++;
    }
    this.#byClient.delete(clientId);
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

  #live(entry: Entry): boolean {
    return entry.expiresAt === undefined || entry.expiresAt > Date.now();
  }

  #read(k: string | undefined): AdapterPayload | undefined {
    if (k === undefined) return undefined;
    const entry = this.#entries.get(k);
    if (!entry) return undefined;
    if (!this.#live(entry)) {
      this.#entries.delete(k);
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
