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
  {
    version: 2,
    name: 'admin API data',
    sql: `
      -- Substring search over integrations stays an index look-up at 100,000 of them.
      create extension if not exists pg_trgm;

      create table integrations (
        client_id text primary key,
        client_name text not null,
        version text not null,
        -- Name and version as they look (confusable skeletons, server/admin/names.ts): unique,
        -- so that two instances creating look-alike names at once cannot both succeed.
        look_key text not null unique,
        description text not null default '',
        -- What the list's search matches: the fields above, lower-cased, in one string.
        search_text text not null,
        token_endpoint_auth_method text not null,
        redirect_uris jsonb not null default '[]',
        grant_types jsonb not null default '[]',
        access_token_lifetime integer,
        refresh_count integer,
        audience text,
        status text not null check (status in ('active', 'inactive')),
        secret_sha256 text,
        secret_last4 text,
        previous_secret_sha256 text,
        previous_secret_last4 text,
        previous_secret_expires_at timestamptz,
        created_at timestamptz not null,
        updated_at timestamptz not null
      );
      create index integrations_newest on integrations (created_at desc, client_id desc);
      create index integrations_status_newest on integrations (status, created_at desc, client_id desc);
      create index integrations_search on integrations using gin (search_text gin_trgm_ops);

      create table scopes (
        -- Scope names are unique whatever their case: the lower-case name is the key.
        name_key text primary key,
        name text not null,
        description text not null default '',
        service_urls jsonb not null default '[]',
        created_at timestamptz not null,
        updated_at timestamptz not null
      );

      create table integration_scopes (
        client_id text not null references integrations on delete cascade,
        scope_key text not null references scopes on delete restrict,
        -- The order scopes were associated in, which is the order they are shown in.
        position bigint generated always as identity,
        primary key (client_id, scope_key)
      );
      create index integration_scopes_scope on integration_scopes (scope_key);

      create table personal_tokens (
        id text primary key,
        owner text not null,
        name text not null,
        name_key text not null,
        scope jsonb not null,
        roles jsonb not null,
        secret_sha256 text not null unique,
        last4 text not null,
        created_at timestamptz not null,
        expires_at timestamptz not null,
        last_used_at timestamptz,
        unique (owner, name_key)
      );
      create index personal_tokens_owner on personal_tokens (owner, created_at desc, id desc);

      create table consents (
        account_id text not null,
        client_id text not null references integrations on delete cascade,
        scopes jsonb not null,
        granted_at timestamptz not null,
        updated_at timestamptz not null,
        last_used_at timestamptz,
        primary key (account_id, client_id)
      );
      create index consents_account on consents (account_id, granted_at desc, client_id desc);

      -- DPoP proofs the admin API has taken, until they are too old to be taken anyway.
      create table dpop_proofs (
        jti_hash text primary key,
        expires_at timestamptz not null
      );
      create index dpop_proofs_expiry on dpop_proofs (expires_at);

      -- The admin API lists and revokes tokens by a handle: an HMAC of what it names, which
      -- cannot be turned back into a token or a grant id.
      alter table oidc_entries add column handle text;
      -- What the token list shows, out of the payload: the payload itself becomes text, because
      -- jsonb refuses U+0000 inside strings, and an authorization request may carry one.
      alter table oidc_entries add column scope text;
      alter table oidc_entries add column issued_at bigint;
      alter table oidc_entries alter column payload type text using payload::text;
      create index oidc_entries_handle on oidc_entries (handle) where handle is not null;
      create index oidc_entries_listed on oidc_entries (model, client_id) where model in ('AccessToken', 'RefreshToken', 'ClientCredentials');
    `,
  },
  {
    version: 3,
    name: 'personal tokens reissued; integrations by name',
    sql: `
      -- The integration list sorted by name walks this index, ties broken by version and id.
      -- "C" collation compares the lower-cased names byte by byte, whatever collation the database
      -- was set up with; how lower() folds non-ASCII letters still follows its LC_CTYPE.
      create index integrations_by_name on integrations ((lower(client_name) collate "C"), (lower(version) collate "C"), client_id);
      -- When the token's current value was issued: its creation, or its latest regeneration,
      -- which starts the lifetime it had again.
      alter table personal_tokens add column issued_at timestamptz;
      update personal_tokens set issued_at = created_at;
      alter table personal_tokens alter column issued_at set not null;
    `,
  },
  {
    version: 4,
    name: 'integration public keys (private_key_jwt)',
    sql: `
      -- The public keys a private_key_jwt integration signs client assertions with (RFC 7523).
      -- Public, so stored as they are; a key is one row, so adding and removing one is one statement
      -- that every instance sees at its next token request.
      create table integration_keys (
        client_id text not null references integrations (client_id) on delete cascade,
        kid text not null,
        -- RFC 7638: the same key under another kid is the same key.
        thumbprint text not null,
        alg text not null,
        jwk jsonb not null,
        created_at timestamptz not null,
        primary key (client_id, kid),
        unique (client_id, thumbprint)
      );
    `,
  },
  {
    version: 5,
    name: 'integration kinds; logout URLs',
    sql: `
      -- What an integration is (the document's IntegrationKind), which decides its rules. Those that
      -- exist get the kind the document gives an integration created without one (kindOf in
      -- server/admin/records.ts): public is a single-page app, confidential signs users in or is a service.
      alter table integrations add column kind text;
      update integrations set kind = case
        when token_endpoint_auth_method = 'none' then 'single_page'
        when grant_types ? 'authorization_code' then 'web'
        else 'service' end;
      alter table integrations alter column kind set not null;
      alter table integrations add constraint integrations_kind check (kind in ('web', 'single_page', 'native', 'service'));
      -- Where the end-session endpoint may send the browser back (RP-Initiated Logout post_logout_redirect_uris).
      alter table integrations add column post_logout_redirect_uris jsonb not null default '[]';
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
