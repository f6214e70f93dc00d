import { createHash } from 'node:crypto';
import type { Adapter, AdapterPayload } from 'oidc-provider';
import type { Database, Queryable } from '../db/database.js';

// oidc-provider's storage contract (upsert / find / consume / destroy / revokeByGrantId,
// with a lifetime per row) on PostgreSQL. Rows are keyed by a SHA-256 of the id: the id of
// an opaque token, a code or an interaction is the credential itself, so the table holds
// none of them; `jti` is left out of the stored payload and put back from the id on a read.
// Sessions and device codes are the exception: oidc-provider also finds them by another key
// (uid, user code) and needs their id back, so their payload keeps it.
// Lookups ignore expired rows, so a row is dead at its expiry even before the sweep.

export function idHash(id: string): string {
  return createHash('sha256').update(id).digest('base64url');
}

interface Row {
  payload: AdapterPayload;
  consumed_at: Date | null;
}

/** What a read gives back: the payload as it was stored, with its id and consumption restored. */
function revive(id: string, row: Row | undefined): AdapterPayload | undefined {
  if (!row) return undefined;
  const payload: AdapterPayload = { ...row.payload, jti: id };
  if (row.consumed_at) payload.consumed = Math.floor(row.consumed_at.getTime() / 1000);
  return payload;
}

const LIVE = '(expires_at is null or expires_at > now())';

/** Models oidc-provider finds by a second key, and whose payload therefore keeps the id. */
const FOUND_BY_SECOND_KEY = new Set(['Session', 'DeviceCode', 'BackchannelAuthenticationRequest']);

/** The adapter for one of oidc-provider's models, other than Client. */
export function sqlAdapter(db: Database, model: string): Adapter {
  const read = async (where: 'id_hash' | 'uid_hash' | 'user_code_hash', value: string): Promise<Row | undefined> => {
    const [row] = await db.query<Row>(`select payload, consumed_at from oidc_entries where model = $1 and ${where} = $2 and ${LIVE}`, [model, value]);
    return row;
  };
  const bySecondKey = async (where: 'uid_hash' | 'user_code_hash', value: string) => {
    const row = await read(where, idHash(value));
    return row && typeof row.payload.jti === 'string' ? revive(row.payload.jti, row) : undefined;
  };
  return {
    async upsert(id, payload, expiresIn) {
      const { jti: _jti, consumed: _consumed, ...rest } = payload;
      const stored = FOUND_BY_SECOND_KEY.has(model) ? { ...rest, jti: id } : rest;
      await db.query(
        `insert into oidc_entries (model, id_hash, payload, grant_id, uid_hash, user_code_hash, client_id, account_id, expires_at, consumed_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, case when $9::integer is null then null else now() + make_interval(secs => $9::integer) end, $10)
         on conflict (model, id_hash) do update set payload = excluded.payload, grant_id = excluded.grant_id, uid_hash = excluded.uid_hash,
           user_code_hash = excluded.user_code_hash, client_id = excluded.client_id, account_id = excluded.account_id, expires_at = excluded.expires_at`,
        [
          model, idHash(id), stored, payload.grantId ?? null,
          payload.uid === undefined ? null : idHash(payload.uid), payload.userCode === undefined ? null : idHash(payload.userCode),
          payload.clientId ?? null, payload.accountId ?? null, expiresIn ? Math.ceil(expiresIn) : null,
          payload.consumed ? new Date(Number(payload.consumed) * 1000) : null,
        ],
      );
    },
    find: async (id) => revive(id, await read('id_hash', idHash(id))),
    findByUid: (uid) => bySecondKey('uid_hash', uid),
    findByUserCode: (userCode) => bySecondKey('user_code_hash', userCode),
    async consume(id) {
      await db.query('update oidc_entries set consumed_at = now() where model = $1 and id_hash = $2 and consumed_at is null', [model, idHash(id)]);
    },
    async destroy(id) {
      await db.query('delete from oidc_entries where model = $1 and id_hash = $2', [model, idHash(id)]);
    },
    async revokeByGrantId(grantId) {
      await db.query('delete from oidc_entries where model = $1 and grant_id = $2', [model, grantId]);
    },
  };
}

/** Deletes expired rows; returns how many. Lookups already ignore them, so this only frees space. */
export async function sweepExpired(db: Queryable, limit = 10_000): Promise<number> {
  const rows = await db.query<{ n: number }>(
    `with gone as (delete from oidc_entries where ctid in (select ctid from oidc_entries where expires_at <= now() limit $1) returning 1) select count(*)::integer as n from gone`,
    [limit],
  );
  return rows[0]?.n ?? 0;
}
