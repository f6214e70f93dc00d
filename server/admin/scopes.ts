import type { ScopeServiceUrls } from '../../src/server/index.js';
import type { Database, Queryable } from '../db/database.js';
import { isForeignKeyViolation, isUniqueViolation } from '../db/errors.js';
import { RESERVED_SCOPES } from '../provider.js';
import type { ListQuery, Schemas } from './operation-types.js';
import { ApiProblem } from './problem.js';
import { containing, pageOf, readKeyCursor } from './paging.js';
import type { StoredScope } from './records.js';

export type ScopeInput = Schemas['ScopeCreate'];
export type ScopePatch = Schemas['ScopeUpdate'];

interface ScopeRow {
  name_key: string;
  name: string;
  description: string;
  service_urls: string[];
  created_at: Date;
  updated_at: Date;
  integration_count: number;
}

/** The columns every read of scopes selects (`s` is the scopes table), with how many integrations use each. */
const SCOPE_COLUMNS = `s.name_key, s.name, s.description, s.service_urls, s.created_at, s.updated_at,
  (select count(*) from integration_scopes x where x.scope_key = s.name_key)::integer as integration_count`;

function present(row: ScopeRow): Schemas['Scope'] {
  return {
    name: row.name,
    description: row.description,
    service_urls: row.service_urls,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
    integration_count: row.integration_count,
  };
}

/** Writes a scope as it is (the seed, and create). */
export async function insertScope(db: Queryable, scope: StoredScope): Promise<void> {
  await db.query('insert into scopes (name_key, name, description, service_urls, created_at, updated_at) values ($1, $2, $3, $4, $5, $6)', [
    scope.name.toLowerCase(), scope.name, scope.description, JSON.stringify(scope.service_urls), new Date(scope.created_at), new Date(scope.updated_at),
  ]);
}

/** Associates scopes with an integration, after those it has (the seed, and associate). */
export async function associateScopes(db: Queryable, clientId: string, names: readonly string[]): Promise<void> {
  for (const name of names) {
    await db.query('insert into integration_scopes (client_id, scope_key) values ($1, $2) on conflict do nothing', [clientId, name.toLowerCase()]);
  }
}

export class Scopes {
  constructor(
    private readonly db: Database,
    /** Whether live tokens still carry this scope: such a scope cannot be deleted either. */
    private readonly usedByTokens: (name: string) => Promise<boolean>,
    private readonly created: (name: string) => void,
    private readonly deleted: (name: string) => void,
  ) {}

  async #find(name: string, db: Queryable = this.db): Promise<ScopeRow | undefined> {
    const [row] = await db.query<ScopeRow>(`select ${SCOPE_COLUMNS} from scopes s where s.name_key = $1`, [name.toLowerCase()]);
    return row;
  }

  async #get(name: string, db: Queryable = this.db): Promise<ScopeRow> {
    const scope = await this.#find(name, db);
    if (!scope) throw new ApiProblem('not_found', `no scope named "${name}"`);
    return scope;
  }

  async get(name: string): Promise<Schemas['Scope']> {
    return present(await this.#get(name));
  }

  /** Every scope's name, for the authorization server to know at start. */
  async names(): Promise<string[]> {
    return (await this.db.query<{ name: string }>('select name from scopes')).map((r) => r.name);
  }

  /** Every scope with its service URLs, as an API protected by the kit checks requests against them. */
  async catalogue(): Promise<ScopeServiceUrls[]> {
    return this.db.query<ScopeServiceUrls>('select name, service_urls from scopes');
  }

  /** In order of their lower-case names; the search looks in name and description, in any case. */
  async list(query: ListQuery<'listScopes'>): Promise<Schemas['ScopePage']> {
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    const q = query.q?.trim().toLowerCase();
    if (q) {
      const pattern = param(containing(q));
      where.push(`(s.name_key like ${pattern} escape '\\' or lower(s.description) like ${pattern} escape '\\')`);
    }
    // Byte order ("C"), in the order by and the cursor alike: the same whatever locale the database was made with.
    if (query.cursor !== undefined) where.push(`s.name_key collate "C" > ${param(readKeyCursor(query.cursor))}`);
    const rows = await this.db.query<ScopeRow>(
      `select ${SCOPE_COLUMNS} from scopes s ${where.length ? `where ${where.join(' and ')}` : ''} order by s.name_key collate "C" limit ${param(query.limit + 1)}`,
      params,
    );
    const result = pageOf(rows, query.limit, (s) => s.name_key);
    return { items: result.items.map(present), next_cursor: result.next_cursor };
  }

  async create(input: ScopeInput): Promise<Schemas['Scope']> {
    const reserved = RESERVED_SCOPES.find((r) => r.toLowerCase() === input.name.toLowerCase());
    if (reserved) {
      throw new ApiProblem('validation_failed', `"${reserved}" is a scope the server defines itself`, {
        errors: [{ path: '/body/name', message: `is reserved (${RESERVED_SCOPES.join(', ')})` }],
      });
    }
    const now = new Date().toISOString();
    const scope: StoredScope = { name: input.name, description: input.description ?? '', service_urls: input.service_urls ?? [], created_at: now, updated_at: now };
    try {
      await insertScope(this.db, scope);
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new ApiProblem('duplicate_name', `a scope named "${input.name}" already exists`, { errors: [{ path: '/body/name', message: 'is already used' }] });
      }
      throw error;
    }
    this.created(scope.name);
    return { ...scope, integration_count: 0 };
  }

  async update(name: string, patch: ScopePatch): Promise<Schemas['Scope']> {
    const sets = ['updated_at = $2'];
    const params: unknown[] = [name.toLowerCase(), new Date()];
    if (patch.description !== undefined) sets.push(`description = $${params.push(patch.description)}`);
    if (patch.service_urls !== undefined) sets.push(`service_urls = $${params.push(JSON.stringify(patch.service_urls))}`);
    const changed = await this.db.query(`update scopes set ${sets.join(', ')} where name_key = $1 returning 1`, params);
    if (changed.length === 0) throw new ApiProblem('not_found', `no scope named "${name}"`);
    return this.get(name);
  }

  /**
   * Deletes a scope nothing uses. A refusal says what uses it; it names the integrations only
   * to a caller who may read integrations (`mayNameIntegrations`): a personal token made for
   * scopes alone learns how many, not which.
   */
  async remove(name: string, mayNameIntegrations: boolean): Promise<void> {
    const scope = await this.#get(name);
    const refusal = async () => {
      const users = await this.db.query<Schemas['IntegrationRef'] & { total: number }>(
        `select i.client_id, i.client_name, i.version, count(*) over ()::integer as total from integration_scopes x join integrations i on i.client_id = x.client_id
         where x.scope_key = $1 order by x.position, i.client_id limit ${IN_USE_LISTED}`,
        [scope.name_key],
      );
      const liveTokens = await this.usedByTokens(scope.name);
      return users.length > 0 || liveTokens ? inUse(scope.name, users, liveTokens, mayNameIntegrations) : undefined;
    };
    const inUseNow = await refusal();
    if (inUseNow) throw inUseNow;
    try {
      await this.db.query('delete from scopes where name_key = $1', [scope.name_key]);
    } catch (error) {
      // Associated by another request since the check: the foreign key refuses the delete, and the refusal says what uses it now.
      if (isForeignKeyViolation(error)) throw (await refusal()) ?? new ApiProblem('scope_in_use', `"${scope.name}" was just associated with an integration; disassociate it first`);
      throw error;
    }
    this.deleted(scope.name);
  }

  async associate(clientId: string, name: string, associated: boolean): Promise<void> {
    const exists = await this.db.query('select 1 from integrations where client_id = $1', [clientId]);
    if (exists.length === 0) throw new ApiProblem('not_found', `no integration with client_id "${clientId}"`);
    const scope = await this.#get(name);
    try {
      if (associated) await associateScopes(this.db, clientId, [scope.name]);
      else await this.db.query('delete from integration_scopes where client_id = $1 and scope_key = $2', [clientId, scope.name_key]);
    } catch (error) {
      // The integration or the scope went in the meantime.
      if (isForeignKeyViolation(error)) throw new ApiProblem('not_found', `the integration "${clientId}" or the scope "${name}" no longer exists`);
      throw error;
    }
    await this.db.query('update integrations set updated_at = $2 where client_id = $1', [clientId, new Date()]);
  }

  async ofIntegration(clientId: string): Promise<Schemas['Scope'][]> {
    const exists = await this.db.query('select 1 from integrations where client_id = $1', [clientId]);
    if (exists.length === 0) throw new ApiProblem('not_found', `no integration with client_id "${clientId}"`);
    const rows = await this.db.query<ScopeRow>(
      `select ${SCOPE_COLUMNS} from integration_scopes x join scopes s on s.name_key = x.scope_key where x.client_id = $1 order by x.position`,
      [clientId],
    );
    return rows.map(present);
  }
}

/** How many of the integrations that use a scope a refusal names: enough to act on, bounded in size. */
const IN_USE_LISTED = 10;

function inUse(name: string, users: Array<Schemas['IntegrationRef'] & { total: number }>, liveTokens: boolean, mayName: boolean): ApiProblem {
  const total = users[0]?.total ?? 0;
  const integrations = mayName ? users.map(({ client_id, client_name, version }) => ({ client_id, client_name, version })) : [];
  const names = integrations.slice(0, 3).map((i) => `${i.client_name} ${i.version}`).join(', ');
  const detail = total > 0
    ? `"${name}" is associated with ${total} integration(s)${names ? ` (${names}${total > 3 ? ', …' : ''})` : ''}; disassociate it first`
    : `tokens that carry "${name}" are still valid; revoke them or let them expire first`;
  return new ApiProblem('scope_in_use', detail, { inUse: { integration_count: total, integrations, live_tokens: liveTokens } });
}
