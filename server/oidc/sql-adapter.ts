import { createHash, createHmac } from 'node:crypto';
import { errors, type Adapter, type AdapterPayload } from 'oidc-provider';
import type { Database, Queryable } from '../db/database.js';
import { requestSource } from '../request-source.js';
import { isAnonymous, PendingQueue } from './pending.js';

// oidc-provider's storage contract (upsert / find / consume / destroy / revokeByGrantId,
// with a lifetime per row) on PostgreSQL, shared by every server process on the database.
//
// Rows are keyed by a SHA-256 of the id: the id of an opaque token, a code or an interaction
// is the credential itself, so the table holds none of them; `jti` is left out of the stored
// payload and put back from the id on a read. Sessions are the exception: oidc-provider also
// finds them by their uid and needs their id back, so their payload keeps it.
//
// Lookups ignore expired rows, so a row is dead at its expiry even before the sweep. Expiry
// is measured by the server's clock (passed in, so tests can move it), not the database's.

export function idHash(id: string): string {
  return createHash('sha256').update(id).digest('base64url');
}

interface Row {
  payload: string;
  consumed_at: Date | null;
}

/** What a read gives back: the payload as it was stored, with its id and consumption restored. */
function revive(id: string, row: Row | undefined): AdapterPayload | undefined {
  if (!row) return undefined;
  const payload = { ...(JSON.parse(row.payload) as AdapterPayload), jti: id };
  if (row.consumed_at) payload.consumed = Math.floor(row.consumed_at.getTime() / 1000);
  return payload;
}

/** `$n` is the current time. */
const live = (n: number) => `(expires_at is null or expires_at > $${n})`;

/** PostgreSQL's codes for text that is not valid JSON to jsonb: invalid_text_representation, untranslatable_character. */
const UNREADABLE_JSON = new Set(['22P02', '22P05']);

/** Models oidc-provider finds by a second key, and whose payload therefore keeps the id. */
const FOUND_BY_SECOND_KEY = new Set(['Session', 'DeviceCode', 'BackchannelAuthenticationRequest']);

/** Models whose second use means the first was stolen: the grant behind them ends (RFC 9700 §4.14.2, §2.1.1). */
const SINGLE_USE = new Set(['AuthorizationCode', 'RefreshToken']);

/** Tokens the admin API lists; the others (codes, sessions…) have no handle. */
const LISTED = new Set(['AccessToken', 'RefreshToken', 'ClientCredentials']);

export interface OidcStorageOptions {
  /** Keys the handles tokens are listed and revoked by; every process must share it. */
  handleKey: Buffer;
  /** The clock expiry is measured by, in ms. Default Date.now. */
  now?: () => number;
  /** Anonymous entries (see isAnonymous) this process keeps at once; past it, its oldest go. Default 10,000. */
  maxAnonymous?: number;
}

/** oidc-provider's models, and the operations across them the admin API needs. */
export class OidcStorage {
  readonly #db: Database;
  readonly #now: () => number;
  readonly #handleKey: Buffer;
  /**
   * Bounds what sign-ins nobody finished can cost, whatever their TTL and however fast they
   * come. Per process: each instance keeps at most this many of the ones it was sent.
   */
  readonly #anonymous: PendingQueue;

  constructor(db: Database, options: OidcStorageOptions) {
    this.#db = db;
    this.#now = options.now ?? (() => Date.now());
    this.#handleKey = options.handleKey;
    this.#anonymous = new PendingQueue(options.maxAnonymous ?? 10_000);
  }

  #time(): Date {
    return new Date(this.#now());
  }

  /** The handle the admin API lists a token by: the whole grant's, or a client-credentials token's own. */
  handleOf(name: string): string {
    return createHmac('sha256', this.#handleKey).update(name).digest('base64url');
  }

  /** The adapter for one of oidc-provider's models, other than Client. */
  adapter(model: string): Adapter {
    const db = this.#db;
    const read = async (where: 'id_hash' | 'uid_hash' | 'user_code_hash', value: string): Promise<Row | undefined> => {
      const refreshLimit = model === 'RefreshToken'
        // An exhausted refresh count (webMethods) makes the refresh token read as gone: the refresh fails with invalid_grant.
        ? ` and not exists (select 1 from integrations i left join refresh_counts r on r.grant_id = e.grant_id
             where i.client_id = e.client_id and i.refresh_count is not null and coalesce(r.used, 0) >= i.refresh_count)`
        : '';
      const [row] = await db.query<Row>(
        `select payload, consumed_at from oidc_entries e where model = $1 and ${where} = $2 and ${live(3)}${refreshLimit}`,
        [model, value, this.#time()],
      );
      return row;
    };
    const bySecondKey = async (where: 'uid_hash' | 'user_code_hash', value: string) => {
      const row = await read(where, idHash(value));
      if (!row) return undefined;
      const { jti } = JSON.parse(row.payload) as AdapterPayload;
      return typeof jti === 'string' ? revive(jti, row) : undefined;
    };
    const key = (id: string) => `${model}:${idHash(id)}`;
    return {
      upsert: async (id, payload, expiresIn) => {
        const { jti: _jti, consumed: _consumed, ...rest } = payload;
        const stored = FOUND_BY_SECOND_KEY.has(model) ? { ...rest, jti: id } : rest;
        const grantId = payload.grantId ?? null;
        const handle = !LISTED.has(model) ? null : model === 'ClientCredentials' ? this.handleOf(`ClientCredentials:${idHash(id)}`) : grantId ? this.handleOf(`Grant:${grantId}`) : null;
        const expiresAt = expiresIn ? new Date(this.#now() + expiresIn * 1000) : null;
        const values = [
          model, idHash(id), JSON.stringify(stored), grantId,
          payload.uid === undefined ? null : idHash(payload.uid), payload.userCode === undefined ? null : idHash(payload.userCode),
          payload.clientId ?? null, payload.accountId ?? null, expiresAt,
          payload.consumed ? new Date(Number(payload.consumed) * 1000) : null,
          handle, typeof payload.scope === 'string' ? payload.scope : null, typeof payload.iat === 'number' ? payload.iat : null,
        ];
        if (model === 'ReplayDetection') {
          // Two processes may check the same proof at once: the insert decides which one saw it first.
          const inserted = await db.query(
            `insert into oidc_entries (model, id_hash, payload, expires_at) values ($1, $2, $3, $4)
             on conflict (model, id_hash) do update set payload = excluded.payload, expires_at = excluded.expires_at where oidc_entries.expires_at <= $5
             returning 1`,
            [model, idHash(id), JSON.stringify(stored), expiresAt, this.#time()],
          );
          if (inserted.length === 0) throw new errors.InvalidRequest('this proof or assertion was used before');
          return;
        }
        // The oldest past the cap go first, so the rows never outnumber it, even for a moment.
        await this.#admit(key(id), model, payload);
        await db.query(
          `insert into oidc_entries (model, id_hash, payload, grant_id, uid_hash, user_code_hash, client_id, account_id, expires_at, consumed_at, handle, scope, issued_at)
           values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
           on conflict (model, id_hash) do update set payload = excluded.payload, grant_id = excluded.grant_id, uid_hash = excluded.uid_hash,
             user_code_hash = excluded.user_code_hash, client_id = excluded.client_id, account_id = excluded.account_id, expires_at = excluded.expires_at,
             handle = excluded.handle, scope = excluded.scope, issued_at = excluded.issued_at`,
          values,
        );
      },
      find: async (id) => revive(id, await read('id_hash', idHash(id))),
      findByUid: (uid) => bySecondKey('uid_hash', uid),
      findByUserCode: (userCode) => bySecondKey('user_code_hash', userCode),
      consume: async (id) => {
        const reused = await db.transaction(async (tx) => {
          // One statement decides: of two processes consuming one code or refresh token at once, one wins.
          const [won] = await tx.query<{ grant_id: string | null }>(
            'update oidc_entries set consumed_at = $3 where model = $1 and id_hash = $2 and consumed_at is null returning grant_id',
            [model, idHash(id), this.#time()],
          );
          if (won) {
            // Refreshes done per grant, for the integration's refresh count: counted as the old token is used up.
            if (model === 'RefreshToken' && won.grant_id) {
              await tx.query('insert into refresh_counts (grant_id, used) values ($1, 1) on conflict (grant_id) do update set used = refresh_counts.used + 1', [won.grant_id]);
            }
            return undefined;
          }
          if (!SINGLE_USE.has(model)) return undefined;
          const [lost] = await tx.query<{ grant_id: string | null }>('select grant_id from oidc_entries where model = $1 and id_hash = $2', [model, idHash(id)]);
          if (!lost) return undefined;
          if (lost.grant_id) await revokeGrant(tx, lost.grant_id);
          return lost;
        });
        // Another process used it between the provider's read and this write: a replay, as if it had been read consumed.
        if (reused) throw new errors.InvalidGrant(`${model === 'RefreshToken' ? 'refresh token' : 'authorization code'} already used`);
      },
      destroy: async (id) => {
        this.#anonymous.drop(key(id));
        await db.query('delete from oidc_entries where model = $1 and id_hash = $2', [model, idHash(id)]);
      },
      revokeByGrantId: async (grantId) => {
        await db.query('delete from oidc_entries where model = $1 and grant_id = $2', [model, grantId]);
      },
    };
  }

  /** Counts an anonymous entry as this process's newest, deleting its oldest past the cap; a signed-in session leaves the count. */
  async #admit(k: string, model: string, payload: AdapterPayload): Promise<void> {
    if (!isAnonymous(model, payload)) return this.#anonymous.drop(k);
    const evicted = this.#anonymous.admit(k, requestSource());
    for (const gone of evicted) {
      const at = gone.indexOf(':');
      await this.#db.query('delete from oidc_entries where model = $1 and id_hash = $2', [gone.slice(0, at), gone.slice(at + 1)]);
    }
  }

  /** Ends a grant everywhere: every model's rows for it, and the grant itself. */
  revokeGrant(grantId: string): Promise<void> {
    return revokeGrant(this.#db, grantId);
  }

  /**
   * Whether a grant is live, was given by `accountId` to `clientId`, and holds `scope` for
   * `resource`. The admin API asks this on every request, so it is one indexed read that
   * builds no model: oidc-provider's Grant.find did the same read at twice the CPU.
   */
  async grantAllows(grantId: string, clientId: string, accountId: string, resource: string, scope: string): Promise<boolean> {
    try {
      const rows = await this.#db.query(
        `select 1 from oidc_entries where model = 'Grant' and id_hash = $1 and client_id = $2 and account_id = $3 and ${live(4)}
           and $6 = any(string_to_array(payload::jsonb -> 'resources' ->> $5, ' '))`,
        [idHash(grantId), clientId, accountId, this.#time(), resource, scope],
      );
      return rows.length > 0;
    } catch (error) {
      // A payload PostgreSQL's jsonb refuses (a \u0000, a lone surrogate) allows nothing: the
      // caller is refused, not answered 500 on every request. Anything else is a real fault.
      if (UNREADABLE_JSON.has((error as { code?: unknown }).code as string)) return false;
      throw error;
    }
  }

  /** Ends every artefact issued to a client: tokens, codes, grants. Returns how many rows went. */
  async revokeClient(clientId: string): Promise<number> {
    const gone = await this.#db.query('delete from oidc_entries where client_id = $1 returning 1', [clientId]);
    return gone.length;
  }

  /** Ends every grant a user gave a client, with its codes and tokens (a connected app taken back). */
  async revokeGrantsOf(accountId: string, clientId: string): Promise<void> {
    await this.#db.query('delete from oidc_entries where client_id = $1 and account_id = $2', [clientId, accountId]);
  }

  /** Revokes one listed entry by its handle: a whole grant, or one client-credentials token. */
  async revokeHandle(handle: string): Promise<boolean> {
    const rows = await this.#db.query<{ model: string; grant_id: string | null }>(
      `select model, grant_id from oidc_entries where handle = $1 and ${live(2)} limit 1`,
      [handle, this.#time()],
    );
    const [row] = rows;
    if (!row) return false;
    if (row.model !== 'ClientCredentials' && row.grant_id) await this.revokeGrant(row.grant_id);
    else await this.#db.query('delete from oidc_entries where handle = $1', [handle]);
    return true;
  }

  /** Whether a live access, refresh or client-credentials token carries the scope (any case). */
  async scopeInUse(name: string): Promise<boolean> {
    const rows = await this.#db.query(
      `select 1 from oidc_entries where model in ('AccessToken', 'RefreshToken', 'ClientCredentials') and ${live(2)}
         and position(' ' || lower($1) || ' ' in ' ' || lower(coalesce(scope, '')) || ' ') > 0 limit 1`,
      [name, this.#time()],
    );
    return rows.length > 0;
  }

  /**
   * Deletes expired rows; returns how many. Lookups already ignore them, so this only frees
   * space: an abandoned sign-in is never read again, and would otherwise stay for good.
   */
  async sweep(limit = 10_000): Promise<number> {
    const now = this.#time();
    const gone = await this.#db.query<{ model: string; id_hash: string }>(
      `delete from oidc_entries where ctid in (select ctid from oidc_entries where expires_at <= $1 limit $2) returning model, id_hash`,
      [now, limit],
    );
    for (const row of gone) this.#anonymous.drop(`${row.model}:${row.id_hash}`);
    await this.#db.query('delete from dpop_proofs where expires_at <= $1', [now]);
    // The refresh counts of grants that are gone: nothing will ask for them again.
    await this.#db.query('delete from refresh_counts r where not exists (select 1 from oidc_entries e where e.grant_id = r.grant_id)');
    return gone.length;
  }

  /**
   * Sweeps every `intervalMs`; the timer does not keep the process alive. Returns the stop.
   * PGlite runs no autovacuum, so the sweep there also vacuums what it freed.
   */
  sweepEvery(intervalMs: number): () => void {
    let running = false;
    const timer = setInterval(() => {
      if (running) return;
      running = true;
      this.sweep()
        .then(async (n) => {
          if (n > 0 && this.#db.kind === 'pglite') await this.#db.exec('vacuum oidc_entries');
        })
        .catch((error: unknown) => console.error('cannot sweep expired sign-ins and tokens', error))
        .finally(() => (running = false));
    }, intervalMs);
    timer.unref();
    return () => clearInterval(timer);
  }

  /** Rows held of one model, expired or not: what the storage costs, for tests and monitoring. */
  async stored(model: string): Promise<number> {
    const [row] = await this.#db.query<{ n: number }>('select count(*)::integer as n from oidc_entries where model = $1', [model]);
    return row?.n ?? 0;
  }

  /** Rows of one model that have not expired. */
  async live(model: string): Promise<number> {
    const [row] = await this.#db.query<{ n: number }>(`select count(*)::integer as n from oidc_entries where model = $1 and ${live(2)}`, [model, this.#time()]);
    return row?.n ?? 0;
  }

  /** The current time by this storage's clock, for queries elsewhere that must agree with it. */
  now(): Date {
    return this.#time();
  }
}

/** Every model's rows for a grant, and the grant itself (whose id is the grant id). */
async function revokeGrant(db: Queryable, grantId: string): Promise<void> {
  await db.query(`delete from oidc_entries where grant_id = $1 or (model = 'Grant' and id_hash = $2)`, [grantId, idHash(grantId)]);
}

/** Deletes expired rows without a storage object (tests of the table itself). */
export async function sweepExpired(db: Queryable, limit = 10_000): Promise<number> {
  const rows = await db.query<{ n: number }>(
    `with gone as (delete from oidc_entries where ctid in (select ctid from oidc_entries where expires_at <= now() limit $1) returning 1) select count(*)::integer as n from gone`,
    [limit],
  );
  return rows[0]?.n ?? 0;
}
