import { randomBytes } from 'node:crypto';
import { hasVisibleCharacter, MAX_NAME_LENGTH, normaliseName, skeleton } from './names.js';
import type { ListQuery, Schemas } from './operation-types.js';
import { ApiProblem } from './problem.js';
import type { Database, Queryable } from '../db/database.js';
import { isUniqueViolation } from '../db/errors.js';
import { containing, newestFirstCursor, oldestFirstCursor, pageOf, readKeyCursor, readNewestFirstCursor, readOldestFirstCursor, storableText } from './paging.js';
import { hashSecret, kindOf, type SecretHash, newSecret, type StoredIntegration, usesSecret } from './records.js';
import type { FieldError } from './openapi.js';

/** What the admin API needs from the authorization server when integrations change. */
export interface TokenAuthority {
  /** Ends every token issued to the client. */
  revokeAllFor(clientId: string): Promise<void>;
  /** The server's endpoints, for the integration's developers. */
  endpoints(): Schemas['Endpoints'];
}

export type IntegrationInput = Schemas['IntegrationCreate'];
export type IntegrationPatch = Schemas['IntegrationUpdate'];

/** The document's IntegrationRules, applied to a whole integration; the failing fields, or none. */
export type IntegrationRuleCheck = (integration: Pick<StoredIntegration, 'kind' | 'token_endpoint_auth_method' | 'grant_types' | 'redirect_uris' | 'post_logout_redirect_uris'>) => FieldError[];

const SECRET_PREFIX = 'gks_';

/** The public view of a stored integration: never a secret or its hash. */
export function present(i: StoredIntegration): Schemas['Integration'] {
  return {
    client_id: i.client_id,
    client_name: i.client_name,
    version: i.version,
    description: i.description,
    kind: i.kind,
    token_endpoint_auth_method: i.token_endpoint_auth_method,
    client_type: i.token_endpoint_auth_method === 'none' ? 'public' : 'confidential',
    redirect_uris: i.redirect_uris,
    post_logout_redirect_uris: i.post_logout_redirect_uris,
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

/** An integration's row, with its scopes' names in the order they were associated. */
interface IntegrationRow {
  client_id: string;
  client_name: string;
  version: string;
  description: string;
  kind: StoredIntegration['kind'];
  token_endpoint_auth_method: StoredIntegration['token_endpoint_auth_method'];
  redirect_uris: string[];
  post_logout_redirect_uris: string[];
  grant_types: StoredIntegration['grant_types'];
  access_token_lifetime: number | null;
  refresh_count: number | null;
  audience: string | null;
  status: StoredIntegration['status'];
  secret_sha256: string | null;
  secret_last4: string | null;
  previous_secret_sha256: string | null;
  previous_secret_last4: string | null;
  previous_secret_expires_at: Date | null;
  created_at: Date;
  updated_at: Date;
  scope_names: string[];
}

/** The columns every read of integrations selects (`i` is the integrations table). */
export const INTEGRATION_COLUMNS = `i.client_id, i.client_name, i.version, i.description, i.kind, i.token_endpoint_auth_method, i.redirect_uris, i.post_logout_redirect_uris, i.grant_types,
  i.access_token_lifetime, i.refresh_count, i.audience, i.status, i.secret_sha256, i.secret_last4, i.previous_secret_sha256, i.previous_secret_last4,
  i.previous_secret_expires_at, i.created_at, i.updated_at,
  (select coalesce(json_agg(s.name order by x.position), '[]'::json) from integration_scopes x join scopes s on s.name_key = x.scope_key where x.client_id = i.client_id) as scope_names`;

export function integrationFromRow(row: IntegrationRow): StoredIntegration {
  const secret = (sha256: string | null, last4: string | null): SecretHash | undefined => (sha256 && last4 !== null ? { sha256, last4 } : undefined);
  const current = secret(row.secret_sha256, row.secret_last4);
  const previous = secret(row.previous_secret_sha256, row.previous_secret_last4);
  return {
    client_id: row.client_id,
    client_name: row.client_name,
    version: row.version,
    description: row.description,
    kind: row.kind,
    token_endpoint_auth_method: row.token_endpoint_auth_method,
    redirect_uris: row.redirect_uris,
    post_logout_redirect_uris: row.post_logout_redirect_uris,
    grant_types: row.grant_types,
    access_token_lifetime: row.access_token_lifetime,
    refresh_count: row.refresh_count,
    ...(row.audience ? { audience: row.audience } : {}),
    scopes: row.scope_names,
    status: row.status,
    ...(current ? { secret: current } : {}),
    ...(previous && row.previous_secret_expires_at ? { previous_secret: { ...previous, expires_at: row.previous_secret_expires_at.toISOString() } } : {}),
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}

/** Reads one integration, or undefined. */
export async function findIntegration(db: Queryable, clientId: string): Promise<StoredIntegration | undefined> {
  // A client_id sent to the authorization server can hold anything; no integration's holds U+0000 (nor can PostgreSQL text).
  if (clientId.includes('\u0000')) return undefined;
  const [row] = await db.query<IntegrationRow>(`select ${INTEGRATION_COLUMNS} from integrations i where i.client_id = $1`, [clientId]);
  return row ? integrationFromRow(row) : undefined;
}

/** What the list's search looks in, as one lower-case string; the separator keeps a match inside one field. */
function searchText(i: Pick<StoredIntegration, 'client_name' | 'description' | 'client_id' | 'version'>): string {
  return [i.client_name, i.description, i.client_id, i.version].join('\u001f').toLowerCase();
}

/** Name and version as they look: compared as confusable skeletons (UTS #39), so case, look-alike letters and invisible characters make no new name. */
function lookKey(name: string, version: string): string {
  return `${skeleton(name)}\u0001${skeleton(version)}`;
}

/** Writes a whole integration (created or changed); its scopes are kept apart (integration_scopes). */
export async function saveIntegration(db: Queryable, i: StoredIntegration): Promise<void> {
  await db.query(
    `insert into integrations (client_id, client_name, version, look_key, description, search_text, token_endpoint_auth_method, redirect_uris, grant_types,
       access_token_lifetime, refresh_count, audience, status, secret_sha256, secret_last4, previous_secret_sha256, previous_secret_last4,
       previous_secret_expires_at, created_at, updated_at, kind, post_logout_redirect_uris)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22)
     on conflict (client_id) do update set client_name = excluded.client_name, version = excluded.version, look_key = excluded.look_key,
       description = excluded.description, kind = excluded.kind, post_logout_redirect_uris = excluded.post_logout_redirect_uris, search_text = excluded.search_text, token_endpoint_auth_method = excluded.token_endpoint_auth_method,
       redirect_uris = excluded.redirect_uris, grant_types = excluded.grant_types, access_token_lifetime = excluded.access_token_lifetime,
       refresh_count = excluded.refresh_count, audience = excluded.audience, status = excluded.status, secret_sha256 = excluded.secret_sha256,
       secret_last4 = excluded.secret_last4, previous_secret_sha256 = excluded.previous_secret_sha256, previous_secret_last4 = excluded.previous_secret_last4,
       previous_secret_expires_at = excluded.previous_secret_expires_at, updated_at = excluded.updated_at`,
    [
      i.client_id, i.client_name, i.version, lookKey(i.client_name, i.version), i.description, searchText(i), i.token_endpoint_auth_method,
      JSON.stringify(i.redirect_uris), JSON.stringify(i.grant_types), i.access_token_lifetime, i.refresh_count, i.audience ?? null, i.status,
      i.secret?.sha256 ?? null, i.secret?.last4 ?? null, i.previous_secret?.sha256 ?? null, i.previous_secret?.last4 ?? null,
      i.previous_secret ? new Date(i.previous_secret.expires_at) : null, new Date(i.created_at), new Date(i.updated_at), i.kind,
      JSON.stringify(i.post_logout_redirect_uris),
    ],
  );
}

type ListOrder = {
  by: string;
  /** The condition for what comes after the cursor's item, in this order. */
  after: (cursor: string, param: (value: unknown) => string) => string;
  cursorOf: (i: StoredIntegration) => string;
};

const NAME_KEY = `(lower(i.client_name) collate "C", lower(i.version) collate "C", i.client_id)`;

/** Each order the list offers, with its keyset: a page costs an index walk from the cursor on. */
const LIST_ORDERS: Record<NonNullable<ListQuery<'listIntegrations'>['sort']>, ListOrder> = {
  newest: {
    by: 'i.created_at desc, i.client_id desc',
    after: (cursor, param) => {
      const after = readNewestFirstCursor(cursor);
      return `(i.created_at, i.client_id) < (${param(after.at)}, ${param(after.id)})`;
    },
    cursorOf: (i) => newestFirstCursor(new Date(i.created_at), i.client_id),
  },
  oldest: {
    by: 'i.created_at asc, i.client_id asc',
    after: (cursor, param) => {
      const after = readOldestFirstCursor(cursor);
      return `(i.created_at, i.client_id) > (${param(after.at)}, ${param(after.id)})`;
    },
    cursorOf: (i) => oldestFirstCursor(new Date(i.created_at), i.client_id),
  },
  name: {
    by: 'lower(i.client_name) collate "C", lower(i.version) collate "C", i.client_id',
    after: (cursor, param) => {
      const [name, version, id] = readNameCursor(cursor);
      // lower() of the cursor's own name, by the database: the same case mapping as the rows'.
      return `${NAME_KEY} > (lower(${param(name)}) collate "C", lower(${param(version)}) collate "C", ${param(id)})`;
    },
    cursorOf: (i) => JSON.stringify([i.client_name, i.version, i.client_id]),
  },
};

/** The name, version and id a name-ordered cursor names; anything else was not issued by this list. */
function readNameCursor(cursor: string): [string, string, string] {
  let key: unknown;
  try {
    key = JSON.parse(readKeyCursor(cursor));
  } catch {
    key = undefined;
  }
  // Strings, and ones PostgreSQL can compare with: a JSON "\u0000" is a NUL once parsed.
  if (!Array.isArray(key) || key.length !== 3 || !key.every((k) => typeof k === 'string' && storableText(k))) {
    throw new ApiProblem('validation_failed', 'the cursor is not one this API issued for this order', { errors: [{ path: '/query/cursor', message: 'is not valid' }] });
  }
  return key as [string, string, string];
}

export class Integrations {
  constructor(
    private readonly db: Database,
    private readonly authority: TokenAuthority,
    private readonly rules: IntegrationRuleCheck,
  ) {}

  async get(clientId: string, db: Queryable = this.db): Promise<StoredIntegration> {
    const found = await findIntegration(db, clientId);
    if (!found) throw new ApiProblem('not_found', `no integration with client_id "${clientId}"`);
    return found;
  }

  /** Newest first unless `sort` says otherwise; the search looks in name, description, client_id and version, in any case. */
  async list(query: ListQuery<'listIntegrations'>): Promise<Schemas['IntegrationPage']> {
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    if (query.status) where.push(`i.status = ${param(query.status)}`);
    if (query.kind) where.push(`i.kind = ${param(query.kind)}`);
    if (query.client_type) where.push(query.client_type === 'public' ? "i.token_endpoint_auth_method = 'none'" : "i.token_endpoint_auth_method <> 'none'");
    const q = query.q?.trim().toLowerCase();
    if (q) where.push(`i.search_text like ${param(containing(q))} escape '\\'`);
    const order = LIST_ORDERS[query.sort ?? 'newest'];
    if (query.cursor !== undefined) where.push(order.after(query.cursor, param));
    const rows = await this.db.query<IntegrationRow>(
      `select ${INTEGRATION_COLUMNS} from integrations i ${where.length ? `where ${where.join(' and ')}` : ''}
       order by ${order.by} limit ${param(query.limit + 1)}`,
      params,
    );
    const result = pageOf(rows.map(integrationFromRow), query.limit, order.cursorOf);
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
    const now = new Date().toISOString();
    const secret = usesSecret(input.token_endpoint_auth_method) ? newSecret(SECRET_PREFIX) : undefined;
    const integration: StoredIntegration = {
      client_id: `gk_${randomBytes(12).toString('base64url')}`,
      client_name: name,
      version,
      description: input.description ?? '',
      kind: input.kind ?? kindOf(input),
      token_endpoint_auth_method: input.token_endpoint_auth_method,
      redirect_uris: input.redirect_uris ?? [],
      post_logout_redirect_uris: input.post_logout_redirect_uris ?? [],
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
    // The request was checked as sent; a derived kind is checked here, by the same rules.
    this.follow(integration, 'the integration');
    try {
      await saveIntegration(this.db, integration);
    } catch (error) {
      // The unique index decides, so two instances creating look-alikes at once cannot both win.
      if (isUniqueViolation(error)) throw await this.duplicate(name, version);
      throw error;
    }
    return { ...present(integration), ...(secret ? { client_secret: secret } : {}) };
  }

  async update(clientId: string, patch: IntegrationPatch): Promise<Schemas['Integration']> {
    return this.db.transaction(async (tx) => {
      // Locked for the change: two admins patching at once each see the other's fields.
      await tx.query('select 1 from integrations where client_id = $1 for update', [clientId]);
      const integration = await this.get(clientId, tx);
      const next = { ...integration };
      if (patch.description !== undefined) next.description = patch.description;
      if (patch.kind !== undefined) next.kind = patch.kind;
      if (patch.redirect_uris !== undefined) next.redirect_uris = patch.redirect_uris;
      if (patch.post_logout_redirect_uris !== undefined) next.post_logout_redirect_uris = patch.post_logout_redirect_uris;
      if (patch.grant_types !== undefined) next.grant_types = patch.grant_types;
      if (patch.access_token_lifetime !== undefined) next.access_token_lifetime = patch.access_token_lifetime;
      if (patch.refresh_count !== undefined) next.refresh_count = patch.refresh_count;
      if (patch.audience === null) delete next.audience;
      else if (patch.audience !== undefined) next.audience = patch.audience;
      // The rules that span fields, which a patch can break only together with what is stored.
      // An integration stored before a rule existed (migration 5 gave kinds to what older rules
      // allowed) may break it already: only what the patch breaks anew, or leaves broken in a
      // field it sets, is refused, so that it can still be changed at all.
      this.follow(next, 'the integration as changed', { before: integration, patch });
      next.updated_at = new Date().toISOString();
      await saveIntegration(tx, next);
      return present(next);
    });
  }

  async setStatus(clientId: string, status: Schemas['IntegrationStatus']): Promise<Schemas['Integration']> {
    const [changed] = await this.db.query<{ client_id: string }>(
      'update integrations set status = $2, updated_at = $3 where client_id = $1 and status <> $2 returning client_id',
      [clientId, status, new Date()],
    );
    const integration = await this.get(clientId);
    if (changed && status === 'inactive') await this.authority.revokeAllFor(clientId);
    return present(integration);
  }

  async remove(clientId: string): Promise<void> {
    const gone = await this.db.query('delete from integrations where client_id = $1 returning 1', [clientId]);
    if (gone.length === 0) throw new ApiProblem('not_found', `no integration with client_id "${clientId}"`);
    await this.authority.revokeAllFor(clientId);
  }

  /** One statement: a secret rotated through one instance is refused at every instance's token endpoint at once. */
  async rotateSecret(clientId: string, gracePeriodSeconds: number): Promise<Schemas['RotatedSecret']> {
    const integration = await this.get(clientId);
    if (!integration.secret) throw new ApiProblem('no_secret', `an integration that authenticates with ${integration.token_endpoint_auth_method} has no secret to rotate`);
    const secret = newSecret(SECRET_PREFIX);
    const hash = hashSecret(secret);
    const expiresAt = gracePeriodSeconds > 0 ? new Date(Date.now() + gracePeriodSeconds * 1000) : null;
    // The previous secret is the one current when the rotation lands, even if another rotation came first.
    const rotated = await this.db.query(
      `update integrations set
         previous_secret_sha256 = case when $4::timestamptz is null then null else secret_sha256 end,
         previous_secret_last4 = case when $4::timestamptz is null then null else secret_last4 end,
         previous_secret_expires_at = $4, secret_sha256 = $2, secret_last4 = $3, updated_at = now()
       where client_id = $1 and secret_sha256 is not null returning 1`,
      [clientId, hash.sha256, hash.last4, expiresAt],
    );
    // Deleted by another request since it was read: the secret handed out would name nothing.
    if (rotated.length === 0) throw new ApiProblem('not_found', `no integration with client_id "${clientId}"`);
    return { client_id: clientId, client_secret: secret, client_secret_last4: hash.last4, previous_secret_expires_at: expiresAt?.toISOString() ?? null };
  }

  /**
   * Ends a rotated-out secret's grace period. One statement, as rotation is: from its commit on, no
   * instance's token endpoint accepts the old secret. Idempotent, so two admins clicking at once both succeed.
   */
  async endGracePeriod(clientId: string): Promise<Schemas['Integration']> {
    const integration = await this.get(clientId);
    if (!integration.secret) throw new ApiProblem('no_secret', `an integration that authenticates with ${integration.token_endpoint_auth_method} has no secret, so no previous one`);
    // The answer is the row this statement left, not a second read a rotation could land between.
    const [row] = await this.db.query<IntegrationRow>(
      `update integrations i set previous_secret_sha256 = null, previous_secret_last4 = null, previous_secret_expires_at = null,
         updated_at = case when i.previous_secret_sha256 is null then i.updated_at else now() end
       where i.client_id = $1 returning ${INTEGRATION_COLUMNS}`,
      [clientId],
    );
    if (!row) throw new ApiProblem('not_found', `no integration with client_id "${clientId}"`);
    return present(integrationFromRow(row));
  }

  /** Every token and grant of the integration, on every instance at once (they are read from the database at each use). */
  async revokeTokens(clientId: string): Promise<void> {
    await this.get(clientId);
    await this.authority.revokeAllFor(clientId);
  }

  async endpoints(clientId: string): Promise<Schemas['Endpoints']> {
    await this.get(clientId);
    return this.authority.endpoints();
  }

  /**
   * Refuses an integration that breaks the document's IntegrationRules, naming the fields. A field a
   * patch did not send is named all the same: it is what the change conflicts with.
   */
  private follow(integration: StoredIntegration, what: string, change?: { before: StoredIntegration; patch: IntegrationPatch }): void {
    let errors = this.rules(integration);
    if (change && errors.length > 0) {
      const already = new Set(this.rules(change.before).map((e) => `${e.path} ${e.message}`));
      const sets = (path: string) => Object.hasOwn(change.patch, path.split('/')[1] ?? '');
      errors = errors.filter((e) => !already.has(`${e.path} ${e.message}`) || sets(e.path));
    }
    if (errors.length === 0) return;
    throw new ApiProblem('validation_failed', `${what} breaks the rules of a ${integration.kind.replace('_', '-')} integration`, {
      errors: errors.map((e) => ({ path: `/body${e.path}`, message: e.message })),
    });
  }

  /** The problem for a name and version that look like an existing pair. */
  private async duplicate(name: string, version: string): Promise<ApiProblem> {
    const [existing] = await this.db.query<{ client_name: string; version: string }>('select client_name, version from integrations where look_key = $1', [lookKey(name, version)]);
    const same = !existing || (existing.client_name === name && existing.version === version);
    return new ApiProblem('duplicate_name', same
      ? `an integration named "${name}" with version "${version}" already exists`
      : `"${name}" ${version} looks the same as the existing integration "${existing.client_name}" ${existing.version}`, {
      errors: [{ path: '/body/client_name', message: same ? 'is already used with this version' : 'looks the same as a name already used with this version' }],
    });
  }
}
