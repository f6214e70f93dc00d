import { randomBytes } from 'node:crypto';
import { hasVisibleCharacter, MAX_NAME_LENGTH, normaliseName, skeleton } from './names.js';
import type { ListQuery, Schemas } from './operation-types.js';
import { ApiProblem } from './problem.js';
import { newestFirstKey, page } from './paging.js';
import { hashSecret, newSecret, type StoredIntegration, type Store } from './store.js';

/** What the admin API needs from the authorization server when integrations change. */
export interface TokenAuthority {
  /** Ends every token issued to the client. */
  revokeAllFor(clientId: string): Promise<void>;
  /** The server's endpoints, for the integration's developers. */
  endpoints(): Schemas['Endpoints'];
  /** Whether a live token carries this scope. */
  scopeInUse(name: string): boolean;
  /** A scope was created: the authorization server must know it to enforce it. */
  scopeCreated(name: string): void;
  /** A scope was deleted: the authorization server must stop offering it. */
  scopeDeleted(name: string): void;
}

export type IntegrationInput = Schemas['IntegrationCreate'];
export type IntegrationPatch = Schemas['IntegrationUpdate'];

const SECRET_PREFIX = 'gks_';

/** The public view of a stored integration: never a secret or its hash. */
export function present(i: StoredIntegration): Schemas['Integration'] {
  return {
    client_id: i.client_id,
    client_name: i.client_name,
    version: i.version,
    description: i.description,
    token_endpoint_auth_method: i.token_endpoint_auth_method,
    client_type: i.token_endpoint_auth_method === 'none' ? 'public' : 'confidential',
    redirect_uris: i.redirect_uris,
    grant_types: i.grant_types,
    access_token_lifetime: i.access_token_lifetime,
    refresh_count: i.refresh_count,
    ...(i.audience ? { audience: i.audience } : {}),
    scope: i.scopes.join(' '),
    status: i.status,
    client_secret_last4: i.secret?.last4 ?? null,
    client_secret_expires_at: 0,
    previous_secret_expires_at: i.previous_secret && i.previous_secret.expires_at > new Date().toISOString() ? i.previous_secret.expires_at : null,
    created_at: i.created_at,
    updated_at: i.updated_at,
  };
}

export class Integrations {
  constructor(
    private readonly store: Store,
    private readonly authority: TokenAuthority,
  ) {}

  get(clientId: string): StoredIntegration {
    const found = this.store.data.integrations.find((i) => i.client_id === clientId);
    if (!found) throw new ApiProblem('not_found', `no integration with client_id "${clientId}"`);
    return found;
  }

  list(query: ListQuery<'listIntegrations'>): Schemas['IntegrationPage'] {
    const q = query.q?.trim().toLowerCase();
    const matching = this.store.data.integrations
      .filter((i) => !query.status || i.status === query.status)
      .filter((i) => !q || [i.client_name, i.description, i.client_id, i.version].some((field) => field.toLowerCase().includes(q)));
    // Newest first: page() orders by the key, which is unique.
    const result = page(matching, sortKey, query.cursor, query.limit);
    return { items: result.items.map(present), next_cursor: result.next_cursor };
  }

  async create(input: IntegrationInput): Promise<Schemas['IntegrationWithSecret']> {
    // The document has refused control and format characters; what is stored is the normal form.
    const name = normaliseName(input.client_name);
    const version = normaliseName(input.version);
    if (!hasVisibleCharacter(name)) {
      throw new ApiProblem('validation_failed', 'the name has nothing visible in it', { errors: [{ path: '/body/client_name', message: 'needs a visible character' }] });
    }
    if (name.length > MAX_NAME_LENGTH) {
      throw new ApiProblem('validation_failed', `the name is longer than ${MAX_NAME_LENGTH} characters once normalised`, {
        errors: [{ path: '/body/client_name', message: `is longer than ${MAX_NAME_LENGTH} characters in its normal form (NFKC)` }],
      });
    }
    this.assertUniqueName(name, version);
    const now = new Date().toISOString();
    const confidential = input.token_endpoint_auth_method !== 'none';
    const secret = confidential ? newSecret(SECRET_PREFIX) : undefined;
    const integration: StoredIntegration = {
      client_id: `gk_${randomBytes(12).toString('base64url')}`,
      client_name: name,
      version,
      description: input.description ?? '',
      token_endpoint_auth_method: input.token_endpoint_auth_method,
      redirect_uris: input.redirect_uris ?? [],
      grant_types: input.grant_types,
      access_token_lifetime: input.access_token_lifetime === undefined ? 3600 : input.access_token_lifetime,
      refresh_count: input.refresh_count === undefined ? null : input.refresh_count,
      ...(input.audience ? { audience: input.audience } : {}),
      scopes: [],
      status: 'active',
      ...(secret ? { secret: hashSecret(secret) } : {}),
      created_at: now,
      updated_at: now,
    };
    this.store.data.integrations.push(integration);
    await this.store.save();
    return { ...present(integration), ...(secret ? { client_secret: secret } : {}) };
  }

  async update(clientId: string, patch: IntegrationPatch): Promise<Schemas['Integration']> {
    const integration = this.get(clientId);
    const next = { ...integration };
    if (patch.description !== undefined) next.description = patch.description;
    if (patch.redirect_uris !== undefined) next.redirect_uris = patch.redirect_uris;
    if (patch.grant_types !== undefined) next.grant_types = patch.grant_types;
    if (patch.access_token_lifetime !== undefined) next.access_token_lifetime = patch.access_token_lifetime;
    if (patch.refresh_count !== undefined) next.refresh_count = patch.refresh_count;
    if (patch.audience === null) delete next.audience;
    else if (patch.audience !== undefined) next.audience = patch.audience;
    // Rules that span fields, which the document states per request body but a patch
    // can only break in combination with what is stored.
    if (next.grant_types.includes('authorization_code') && next.redirect_uris.length === 0) {
      throw new ApiProblem('validation_failed', 'the authorization code grant needs a redirect URI', {
        errors: [{ path: '/body/redirect_uris', message: 'needs at least one URI while authorization_code is allowed' }],
      });
    }
    if (next.token_endpoint_auth_method === 'none' && next.grant_types.includes('client_credentials')) {
      throw new ApiProblem('validation_failed', 'a public client cannot use the client credentials grant', {
        errors: [{ path: '/body/grant_types', message: 'client_credentials needs a confidential client' }],
      });
    }
    next.updated_at = new Date().toISOString();
    // Replace the record, so that a field set to null is really gone.
    const list = this.store.data.integrations;
    list[list.indexOf(integration)] = next;
    await this.store.save();
    return present(next);
  }

  async setStatus(clientId: string, status: Schemas['IntegrationStatus']): Promise<Schemas['Integration']> {
    const integration = this.get(clientId);
    if (integration.status !== status) {
      integration.status = status;
      integration.updated_at = new Date().toISOString();
      await this.store.save();
      if (status === 'inactive') await this.authority.revokeAllFor(clientId);
    }
    return present(integration);
  }

  async remove(clientId: string): Promise<void> {
    this.get(clientId);
    this.store.data.integrations = this.store.data.integrations.filter((i) => i.client_id !== clientId);
    await this.store.save();
    await this.authority.revokeAllFor(clientId);
  }

  async rotateSecret(clientId: string, gracePeriodSeconds: number): Promise<Schemas['RotatedSecret']> {
    const integration = this.get(clientId);
    if (!integration.secret) throw new ApiProblem('no_secret', 'a public integration has no secret to rotate');
    const secret = newSecret(SECRET_PREFIX);
    const expiresAt = gracePeriodSeconds > 0 ? new Date(Date.now() + gracePeriodSeconds * 1000).toISOString() : undefined;
    if (expiresAt) integration.previous_secret = { ...integration.secret, expires_at: expiresAt };
    else delete integration.previous_secret;
    integration.secret = hashSecret(secret);
    integration.updated_at = new Date().toISOString();
    await this.store.save();
    return { client_id: clientId, client_secret: secret, client_secret_last4: integration.secret.last4, previous_secret_expires_at: expiresAt ?? null };
  }

  endpoints(clientId: string): Schemas['Endpoints'] {
    this.get(clientId);
    return this.authority.endpoints();
  }

  /** Name and version are unique as they look: compared as confusable skeletons (UTS #39), so case, look-alike letters and invisible characters make no new name. */
  private assertUniqueName(name: string, version: string): void {
    const wanted = `${skeleton(name)}\u0000${skeleton(version)}`;
    const existing = this.store.data.integrations.find((i) => lookKey(i) === wanted);
    if (existing) {
      const same = existing.client_name === name && existing.version === version;
      throw new ApiProblem('duplicate_name', same
        ? `an integration named "${name}" with version "${version}" already exists`
        : `"${name}" ${version} looks the same as the existing integration "${existing.client_name}" ${existing.version}`, {
        errors: [{ path: '/body/client_name', message: same ? 'is already used with this version' : 'looks the same as a name already used with this version' }],
      });
    }
  }
}

/** Each record's name and version as they look, worked out once: a record's name and version never change. */
const lookKeys = new WeakMap<StoredIntegration, string>();

function lookKey(i: StoredIntegration): string {
  let key = lookKeys.get(i);
  if (key === undefined) {
    key = `${skeleton(i.client_name)}\u0000${skeleton(i.version)}`;
    lookKeys.set(i, key);
  }
  return key;
}

/**
 * Each record's key, worked out once: parsing a date is most of what a list of thousands
 * costs. A record's created_at and client_id never change (an update replaces the record).
 */
const sortKeys = new WeakMap<StoredIntegration, string>();

/** Sorts newest first: inverts the timestamp so that ascending key order is descending time. */
function sortKey(i: StoredIntegration): string {
  let key = sortKeys.get(i);
  if (key === undefined) {
    key = newestFirstKey(Date.parse(i.created_at), i.client_id);
    sortKeys.set(i, key);
  }
  return key;
}
