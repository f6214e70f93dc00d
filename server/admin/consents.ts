import type { Database, Queryable } from '../db/database.js';
import type { ListQuery, Schemas } from './operation-types.js';
import { ApiProblem } from './problem.js';
import { newestFirstCursor, pageOf, readNewestFirstCursor } from './paging.js';
import type { StoredConsent } from './records.js';

/** Ends every grant (and so every token) a user gave an integration. */
export type GrantRevoker = (accountId: string, clientId: string) => Promise<void>;

/** Writes a consent as it is (the seed). */
export async function insertConsent(db: Queryable, c: StoredConsent): Promise<void> {
  await db.query('insert into consents (account_id, client_id, scopes, granted_at, updated_at, last_used_at) values ($1, $2, $3, $4, $5, $6)', [
    c.account_id, c.client_id, JSON.stringify(c.scopes), new Date(c.granted_at), new Date(c.updated_at), c.last_used_at ? new Date(c.last_used_at) : null,
  ]);
}

/**
 * Users' consents to third-party integrations: what the consent page records, what the
 * authorization server reads to skip the page next time, and what "Connected apps" lists
 * and takes back. One row per user and integration; deleting the integration deletes them.
 */
export class Consents {
  constructor(
    private readonly db: Database,
    private readonly revokeGrants: GrantRevoker,
  ) {}

  /** The scopes this user has allowed this integration; empty when they never did. */
  async scopesOf(accountId: string, clientId: string): Promise<ReadonlySet<string>> {
    const [row] = await this.db.query<{ scopes: string[] }>('select scopes from consents where account_id = $1 and client_id = $2', [accountId, clientId]);
    return new Set(row?.scopes ?? []);
  }

  /** Adds scopes to the user's consent, creating it on first use. */
  async allow(accountId: string, clientId: string, scopes: Iterable<string>): Promise<void> {
    const now = new Date();
    const added = [...new Set(scopes)];
    await this.db.transaction(async (tx) => {
      // The row first, so that there is one to lock: two first consents at once would otherwise both
      // find nothing, and the second write would drop the first one's scopes.
      await tx.query(
        `insert into consents (account_id, client_id, scopes, granted_at, updated_at) values ($1, $2, '[]', $3, $3) on conflict (account_id, client_id) do nothing`,
        [accountId, clientId, now],
      );
      const [found] = await tx.query<{ scopes: string[] }>('select scopes from consents where account_id = $1 and client_id = $2 for update', [accountId, clientId]);
      const merged = [...new Set([...(found?.scopes ?? []), ...added])];
      await tx.query('update consents set scopes = $3, updated_at = $4 where account_id = $1 and client_id = $2', [accountId, clientId, JSON.stringify(merged), now]);
    });
  }

  /** Notes that the integration got tokens under this consent. */
  async touch(accountId: string, clientId: string): Promise<void> {
    await this.db.query('update consents set last_used_at = $3 where account_id = $1 and client_id = $2', [accountId, clientId, new Date()]);
  }

  /** The caller's connected apps, newest consent first. */
  async list(accountId: string, query: ListQuery<'listConnectedApps'>): Promise<Schemas['ConnectedAppPage']> {
    const params: unknown[] = [accountId];
    let after = '';
    if (query.cursor !== undefined) {
      const cursor = readNewestFirstCursor(query.cursor);
      after = `and (c.granted_at, c.client_id) < ($${params.push(cursor.at)}, $${params.push(cursor.id)})`;
    }
    const rows = await this.db.query<{ client_id: string; client_name: string; version: string; description: string; scopes: string[]; granted_at: Date; last_used_at: Date | null }>(
      `select c.client_id, i.client_name, i.version, i.description, c.scopes, c.granted_at, c.last_used_at
       from consents c join integrations i on i.client_id = c.client_id
       where c.account_id = $1 ${after} order by c.granted_at desc, c.client_id desc limit $${params.push(query.limit + 1)}`,
      params,
    );
    const result = pageOf(rows, query.limit, (r) => newestFirstCursor(r.granted_at, r.client_id));
    return {
      items: result.items.map((r) => ({
        client_id: r.client_id,
        client_name: r.client_name,
        version: r.version,
        description: r.description,
        scope: r.scopes.join(' '),
        granted_at: r.granted_at.toISOString(),
        last_used_at: r.last_used_at?.toISOString() ?? null,
      })),
      next_cursor: result.next_cursor,
    };
  }

  /** Takes the consent back and ends every token the integration holds for this user. */
  async revoke(accountId: string, clientId: string): Promise<void> {
    const gone = await this.db.query('delete from consents where account_id = $1 and client_id = $2 returning 1', [accountId, clientId]);
    if (gone.length === 0) throw new ApiProblem('not_found', `you have not connected an integration with client_id "${clientId}"`);
    await this.revokeGrants(accountId, clientId);
  }
}
