import type { Database } from '../db/database.js';
import type { ListQuery, Schemas } from './operation-types.js';
import { ApiProblem } from './problem.js';
import { newestFirstCursor, pageOf, readNewestFirstCursor } from './paging.js';

/** What the token list needs from the authorization server's storage. */
export interface TokenSource {
  /** Revokes what a handle names (a grant, or a client-credentials token); false when it names nothing live. */
  revokeHandle(handle: string): Promise<boolean>;
  /** The current time by the storage's clock. */
  now(): Date;
}

interface ListedRow {
  handle: string;
  client_id: string;
  subject: string;
  scope: string | null;
  issued_at: number;
  expires_at: number | null;
  has_refresh: boolean;
  refreshes_used: number;
  refresh_count: number | null;
  access_token_lifetime: number | null;
  grant_type: 'authorization_code' | 'client_credentials';
}

/**
 * Tokens of integrations, as the token management pages of the reference consoles show
 * them: a sign-in's grant is one row (its newest access token, and whether it can still
 * refresh), and each client-credentials token is one. Listed by handle, never by value.
 */
export class Tokens {
  constructor(
    private readonly db: Database,
    private readonly source: TokenSource,
  ) {}

  async list(query: ListQuery<'listTokens'>): Promise<Schemas['TokenPage']> {
    // One moment for the whole answer: which tokens are live, the status filter and each row's expired.
    const moment = this.source.now();
    const params: unknown[] = [moment];
    const param = (value: unknown) => `$${params.push(value)}`;
    const filters: string[] = [];
    if (query.client_id) filters.push(`e.client_id = ${param(query.client_id)}`);
    const subject = query.subject ? param(query.subject) : undefined;
    const and = filters.map((f) => ` and ${f}`).join('');
    // On the listed rows: the page's place, the grant type and whether the access token still works.
    const conditions: string[] = [];
    if (query.cursor !== undefined) {
      const cursor = readNewestFirstCursor(query.cursor);
      conditions.push(`(l.issued_at, l.handle) < (${param(Math.floor(cursor.at.getTime() / 1000))}, ${param(cursor.id)})`);
    }
    if (query.grant_type) conditions.push(`l.grant_type = ${param(query.grant_type)}`);
    if (query.status) {
      // Expired as each row says it (\`expired\`): a lifetime integration's tokens never are.
      const expired = `(i.access_token_lifetime is not null and coalesce(l.expires_at, l.issued_at) <= ${param(moment.getTime() / 1000)})`;
      conditions.push(query.status === 'expired' ? expired : `not ${expired}`);
    }
    const after = conditions.length ? `where ${conditions.join(' and ')}` : '';
    const rows = await this.db.query<ListedRow>(
      `with grants as (
         select e.handle, e.grant_id, min(e.client_id) as client_id, min(e.account_id) as subject,
           coalesce((array_agg(e.scope order by e.issued_at desc) filter (where e.model = 'AccessToken'))[1],
             (array_agg(e.scope order by e.issued_at desc) filter (where e.model = 'RefreshToken'))[1]) as scope,
           -- The newest access token's, or, once those are swept, the refresh token's: a grant that can still refresh stays listed.
           coalesce(max(e.issued_at) filter (where e.model = 'AccessToken'), max(e.issued_at) filter (where e.model = 'RefreshToken')) as issued_at,
           bool_or(e.model = 'AccessToken') as has_access,
           (array_agg(extract(epoch from e.expires_at) order by e.issued_at desc) filter (where e.model = 'AccessToken'))[1] as expires_at,
           coalesce(bool_or(e.model = 'RefreshToken' and (e.expires_at is null or e.expires_at > $1) and e.consumed_at is null), false) as has_refresh
         from oidc_entries e
         where e.model in ('AccessToken', 'RefreshToken') and e.handle is not null${and}
         group by e.handle, e.grant_id
       ), listed as (
         select handle, grant_id, client_id, subject, scope, issued_at, expires_at, has_refresh, 'authorization_code' as grant_type from grants
         where issued_at is not null and (has_access or has_refresh)${subject ? ` and subject = ${subject}` : ''}
         union all
         select e.handle, null, e.client_id, e.client_id, e.scope, e.issued_at, extract(epoch from e.expires_at), false, 'client_credentials' from oidc_entries e
         where e.model = 'ClientCredentials' and (e.expires_at is null or e.expires_at > $1)${and}${subject ? ` and e.client_id = ${subject}` : ''}
       )
       select l.handle, l.client_id, l.subject, l.scope, l.issued_at::double precision as issued_at, l.expires_at::double precision as expires_at,
         l.has_refresh, coalesce(r.used, 0)::integer as refreshes_used, i.refresh_count, i.access_token_lifetime, l.grant_type
       from listed l join integrations i on i.client_id = l.client_id left join refresh_counts r on r.grant_id = l.grant_id
       ${after}
       order by l.issued_at desc, l.handle desc limit ${param(query.limit + 1)}`,
      params,
    );
    const now = moment.getTime() / 1000;
    const result = pageOf(rows, query.limit, (t) => newestFirstCursor(new Date(t.issued_at * 1000), t.handle));
    const items = result.items.map((t) => {
      const remaining = t.refresh_count === null ? null : Math.max(0, t.refresh_count - t.refreshes_used);
      const expiresAt = t.expires_at ?? t.issued_at;
      return {
        id: t.handle,
        client_id: t.client_id,
        subject: t.subject,
        grant_type: t.grant_type,
        scope: t.scope ?? '',
        issued_at: new Date(t.issued_at * 1000).toISOString(),
        // "Lifetime": the integration's tokens never expire.
        expires_at: t.access_token_lifetime === null ? null : new Date(expiresAt * 1000).toISOString(),
        expired: t.access_token_lifetime !== null && expiresAt <= now,
        has_refresh_token: t.has_refresh,
        refresh_count_remaining: t.has_refresh ? remaining : 0,
      };
    });
    return { items, next_cursor: result.next_cursor };
  }

  /** Revokes a listed token of an integration (the server's own clients' tokens are not listed, and not revoked here). */
  async revoke(handle: string): Promise<void> {
    const known = await this.db.query('select 1 from oidc_entries e join integrations i on i.client_id = e.client_id where e.handle = $1 limit 1', [handle]);
    if (known.length === 0 || !(await this.source.revokeHandle(handle))) throw new ApiProblem('not_found', `no token with id "${handle}"`);
  }
}
