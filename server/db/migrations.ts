import type { Database, Queryable } from './database.js';

// The schema, as versioned forward-only migrations applied at start. A migration is never
// edited once released: a change is a new version. Several server processes may start at
// once on one database, so migrating holds a transaction-scoped advisory lock, and the
// second process finds the work done.

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'authorization server state',
    sql: `
      -- Keys every process shares: the token signing key and the cookie keys.
      create table server_keys (
        name text primary key,
        value jsonb not null,
        created_at timestamptz not null default now()
      );

      -- oidc-provider's models (sessions, interactions, grants, codes, tokens, PAR requests,
      -- replay records), one row each. Rows are found by a SHA-256 of their id, never by the
      -- id itself: an opaque token's id is its bearer value, so the table never holds one.
      create table oidc_entries (
        model text not null,
        id_hash text not null,
        payload jsonb not null,
        grant_id text,
        uid_hash text,
        user_code_hash text,
        client_id text,
        account_id text,
        expires_at timestamptz,
        consumed_at timestamptz,
        primary key (model, id_hash)
      );
      create index oidc_entries_grant on oidc_entries (grant_id) where grant_id is not null;
      create index oidc_entries_uid on oidc_entries (model, uid_hash) where uid_hash is not null;
      create index oidc_entries_user_code on oidc_entries (model, user_code_hash) where user_code_hash is not null;
      create index oidc_entries_client on oidc_entries (client_id, account_id) where client_id is not null;
      create index oidc_entries_expiry on oidc_entries (expires_at) where expires_at is not null;

      -- Refreshes done per grant, for an integration's refresh count.
      create table refresh_counts (
        grant_id text primary key,
        used integer not null default 0 check (used >= 0)
      );
    `,
  },
];

/** Any 64-bit number the server owns; the same in every process. */
const MIGRATION_LOCK = 7_263_540_012;

/** Brings the database up to `target` (default: the newest version); returns the versions applied. */
export async function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS, target = Infinity): Promise<number[]> {
  return db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.query('create table if not exists schema_migrations (version integer primary key, name text not null, applied_at timestamptz not null default now())');
    const current = await currentVersion(tx);
    const newest = migrations.at(-1)?.version ?? 0;
    if (current > newest) throw new Error(`the database is at schema version ${current}, newer than this server (${newest}): upgrade the server`);
    const applied: number[] = [];
    for (const migration of migrations) {
      if (migration.version <= current || migration.version > target) continue;
      // Statements one by one: the extended protocol PGlite and pg use takes one per call.
      for (const statement of statements(migration.sql)) await tx.query(statement);
      await tx.query('insert into schema_migrations (version, name) values ($1, $2)', [migration.version, migration.name]);
      applied.push(migration.version);
    }
    return applied;
  });
}

export async function currentVersion(db: Queryable): Promise<number> {
  const [row] = await db.query<{ version: number | null }>('select max(version) as version from schema_migrations');
  return row?.version ?? 0;
}

/** Splits a migration into statements. Migrations hold no semicolons inside strings or bodies. */
function statements(sql: string): string[] {
  return sql
    .split('\n')
    .filter((line) => !line.trim().startsWith('--'))
    .join('\n')
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
}
