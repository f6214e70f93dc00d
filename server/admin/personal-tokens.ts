import { randomBytes } from 'node:crypto';
import type { Database, Queryable } from '../db/database.js';
import { isUniqueViolation } from '../db/errors.js';
import { PERSONAL_TOKEN_PREFIX, permissionsOf, type Caller, type Permission } from './auth.js';
import type { ListQuery, Schemas } from './operation-types.js';
import { ApiProblem } from './problem.js';
import { newestFirstCursor, pageOf, readNewestFirstCursor } from './paging.js';
import { hashSecret, newSecret, type Role, type StoredPersonalToken } from './records.js';

export type PersonalTokenInput = Schemas['PersonalTokenCreate'];

interface PersonalTokenRow {
  id: string;
  owner: string;
  name: string;
  scope: Permission[];
  roles: Role[];
  secret_sha256: string;
  last4: string;
  created_at: Date;
  issued_at: Date;
  expires_at: Date;
  last_used_at: Date | null;
}

const COLUMNS = 'id, owner, name, scope, roles, secret_sha256, last4, created_at, issued_at, expires_at, last_used_at';

function fromRow(row: PersonalTokenRow): StoredPersonalToken {
  return {
    id: row.id,
    owner: row.owner,
    name: row.name,
    scope: row.scope,
    roles: row.roles,
    secret: { sha256: row.secret_sha256, last4: row.last4 },
    created_at: row.created_at.toISOString(),
    issued_at: row.issued_at.toISOString(),
    expires_at: row.expires_at.toISOString(),
    last_used_at: row.last_used_at?.toISOString() ?? null,
  };
}

function present(t: StoredPersonalToken): Schemas['PersonalToken'] {
  return {
    id: t.id, name: t.name, scope: t.scope.join(' '), roles: t.roles, created_at: t.created_at, issued_at: t.issued_at, expires_at: t.expires_at, last_used_at: t.last_used_at, last4: t.secret.last4,
  };
}

/**
 * The token whose value hashes to `sha256`, noting that it was used. One index look-up by the
 * hash of what was presented: the hash of the caller's own guess tells nothing about any
 * stored token, and nothing is left to compare once it is found.
 */
export async function usePersonalToken(db: Queryable, sha256: string, now: Date): Promise<StoredPersonalToken | undefined> {
  const [row] = await db.query<PersonalTokenRow>(`select ${COLUMNS} from personal_tokens where secret_sha256 = $1`, [sha256]);
  if (!row) return undefined;
  // At most one write a minute per token: a script's every request would otherwise be a write.
  if (row.expires_at > now && (!row.last_used_at || now.getTime() - row.last_used_at.getTime() >= 60_000)) {
    await db.query('update personal_tokens set last_used_at = $2 where id = $1', [row.id, now]);
    row.last_used_at = now;
  }
  return fromRow(row);
}

/** Unexpired tokens one user may hold: enough for every script, not enough to fill the database. */
export const MAX_LIVE_PERSONAL_TOKENS = 100;

/** Any 32-bit number: with the owner, the advisory lock that counts one user's tokens. */
const PERSONAL_TOKEN_LOCK = 1_887_402_113;

/** Personal access tokens for scripts (Dataloop, TIF application tokens): value shown once, always expiring, never more than the creator. */
export class PersonalTokens {
  constructor(private readonly db: Database) {}

  async list(caller: Caller, query: ListQuery<'listPersonalTokens'>): Promise<Schemas['PersonalTokenPage']> {
    const params: unknown[] = [caller.sub];
    let after = '';
    if (query.cursor !== undefined) {
      const cursor = readNewestFirstCursor(query.cursor);
      after = `and (created_at, id) < ($${params.push(cursor.at)}, $${params.push(cursor.id)})`;
    }
    const rows = await this.db.query<PersonalTokenRow>(
      `select ${COLUMNS} from personal_tokens where owner = $1 ${after} order by created_at desc, id desc limit $${params.push(query.limit + 1)}`,
      params,
    );
    const result = pageOf(rows.map(fromRow), query.limit, (t) => newestFirstCursor(new Date(t.created_at), t.id));
    return { items: result.items.map(present), next_cursor: result.next_cursor };
  }

  async create(caller: Caller, input: PersonalTokenInput): Promise<Schemas['PersonalTokenWithValue']> {
    const roles = input.roles ?? caller.roles;
    const beyondRoles = roles.filter((r) => !caller.roles.includes(r));
    if (beyondRoles.length > 0) throw new ApiProblem('forbidden', `you cannot give a token the role${beyondRoles.length > 1 ? 's' : ''} ${beyondRoles.join(', ')}, which you do not have`);
    const allowed = permissionsOf(roles);
    const scope = input.scope ?? allowed;
    const errors = scope.flatMap((p, i) => (allowed.includes(p) ? [] : [{ path: `/body/scope/${i}`, message: `is not granted by the roles ${roles.join(', ')}` }]));
    if (errors.length > 0) throw new ApiProblem('validation_failed', 'a token cannot carry permissions its roles do not grant', { errors });
    const value = newSecret(PERSONAL_TOKEN_PREFIX);
    const now = Date.now();
    const token: StoredPersonalToken = {
      id: `pat_${randomBytes(12).toString('base64url')}`,
      owner: caller.sub,
      name: input.name.trim(),
      scope,
      roles,
      secret: hashSecret(value),
      created_at: new Date(now).toISOString(),
      issued_at: new Date(now).toISOString(),
      expires_at: new Date(now + input.expires_in_days * 86_400_000).toISOString(),
      last_used_at: null,
    };
    try {
      await this.db.transaction(async (tx) => {
        // One user's creations one at a time, on every instance: the count cannot be raced past.
        await tx.query('select pg_advisory_xact_lock($1, hashtext($2))', [PERSONAL_TOKEN_LOCK, caller.sub]);
        const [{ live } = { live: 0 }] = await tx.query<{ live: number }>('select count(*)::integer as live from personal_tokens where owner = $1 and expires_at > $2', [caller.sub, new Date(now)]);
        if (live >= MAX_LIVE_PERSONAL_TOKENS) {
          throw new ApiProblem('conflict', `you have ${live} unexpired personal access tokens, the most one user may hold; revoke one you no longer use first`);
        }
        await insertPersonalToken(tx, token);
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new ApiProblem('duplicate_name', `you already have a token named "${input.name}"`, { errors: [{ path: '/body/name', message: 'is already used by one of your tokens' }] });
      }
      throw error;
    }
    return { ...present(token), token: value };
  }

  /**
   * A new value for one of the caller's tokens, with the same name, permissions and roles; the
   * old value is refused from the moment this commits. The lifetime starts again from now.
   */
  async regenerate(caller: Caller, id: string, input: Schemas['PersonalTokenRegenerate'] = {}): Promise<Schemas['PersonalTokenWithValue']> {
    const value = newSecret(PERSONAL_TOKEN_PREFIX);
    const secret = hashSecret(value);
    const now = new Date();
    const row = await this.db.transaction(async (tx) => {
      await tx.query('select pg_advisory_xact_lock($1, hashtext($2))', [PERSONAL_TOKEN_LOCK, caller.sub]);
      const [token] = await tx.query<PersonalTokenRow>(`select ${COLUMNS} from personal_tokens where id = $1 and owner = $2 for update`, [id, caller.sub]);
      if (!token) throw new ApiProblem('not_found', `you have no personal access token with id "${id}"`);
      // The same rule as at creation: a user who has lost a role cannot mint a fresh value that carries it.
      const lost = token.roles.filter((r) => !caller.roles.includes(r));
      if (lost.length > 0) throw new ApiProblem('forbidden', `the token carries the role${lost.length > 1 ? 's' : ''} ${lost.join(', ')}, which you no longer have; create a new token instead`);
      if (token.expires_at <= now) {
        const [{ live } = { live: 0 }] = await tx.query<{ live: number }>('select count(*)::integer as live from personal_tokens where owner = $1 and expires_at > $2', [caller.sub, now]);
        if (live >= MAX_LIVE_PERSONAL_TOKENS) throw new ApiProblem('conflict', `you have ${live} unexpired personal access tokens, the most one user may hold; revoke one you no longer use first`);
      }
      const days = input.expires_in_days ?? lifetimeDays(token);
      const [updated] = await tx.query<PersonalTokenRow>(
        `update personal_tokens set secret_sha256 = $3, last4 = $4, issued_at = $5, expires_at = $6, last_used_at = null
         where id = $1 and owner = $2 returning ${COLUMNS}`,
        [id, caller.sub, secret.sha256, secret.last4, now, new Date(now.getTime() + days * 86_400_000)],
      );
      return updated!;
    });
    return { ...present(fromRow(row)), token: value };
  }

  async revoke(caller: Caller, id: string): Promise<void> {
    const gone = await this.db.query('delete from personal_tokens where id = $1 and owner = $2 returning 1', [id, caller.sub]);
    if (gone.length === 0) throw new ApiProblem('not_found', `you have no personal access token with id "${id}"`);
  }
}

async function insertPersonalToken(db: Queryable, t: StoredPersonalToken): Promise<void> {
  await db.query(
    `insert into personal_tokens (id, owner, name, name_key, scope, roles, secret_sha256, last4, created_at, issued_at, expires_at, last_used_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9, $10, $11)`,
    [t.id, t.owner, t.name, t.name.toLowerCase(), JSON.stringify(t.scope), JSON.stringify(t.roles), t.secret.sha256, t.secret.last4,
      new Date(t.created_at), new Date(t.expires_at), t.last_used_at ? new Date(t.last_used_at) : null],
  );
}

/** The lifetime the token's value was given, in whole days (1 to 366, as at creation). */
function lifetimeDays(token: PersonalTokenRow): number {
  const days = Math.round((token.expires_at.getTime() - token.issued_at.getTime()) / 86_400_000);
  return Math.min(366, Math.max(1, days));
}
