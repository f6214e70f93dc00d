import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { randomBytes } from 'node:crypto';
import { currentVersion, migrate, MIGRATIONS, type Migration } from '../db/migrations.js';
import { idHash, OidcStorage } from '../oidc/sql-adapter.js';
import { BACKENDS } from './databases.js';

const newest = MIGRATIONS.at(-1)!.version;
// A version after the newest, to prove that a database moves forward from where it stands.
const next: Migration = { version: newest + 1, name: 'test: a later version', sql: 'create table later_table (id integer primary key); insert into later_table values (1);' };

for (const backend of BACKENDS) {
  describe(`schema migrations on ${backend.name}`, { skip: backend.skip }, () => {
    it('brings an empty database to the newest version, and a second run does nothing', async () => {
      const { db, drop } = await backend.fresh();
      try {
        assert.deepEqual(await migrate(db), MIGRATIONS.map((m) => m.version));
        assert.equal(await currentVersion(db), newest);
        assert.deepEqual(await migrate(db), []);
        const tables = await db.query<{ name: string }>("select table_name as name from information_schema.tables where table_schema = 'public' order by 1");
        assert.ok(tables.some((t) => t.name === 'oidc_entries'));
      } finally {
        await drop();
      }
    });

    it('moves a database at the previous version forward, keeping its rows', async () => {
      const { db, drop } = await backend.fresh();
      try {
        await migrate(db);
        await db.query("insert into server_keys (name, value) values ('kept', '{\"a\":1}')");
        assert.deepEqual(await migrate(db, [...MIGRATIONS, next]), [next.version]);
        assert.equal((await db.query<{ id: number }>('select id from later_table'))[0]?.id, 1);
        assert.deepEqual((await db.query<{ value: unknown }>("select value from server_keys where name = 'kept'"))[0]?.value, { a: 1 });
      } finally {
        await drop();
      }
    });

    it('moves a database of schema version 1 (payloads as jsonb) to the newest, and its sign-ins are still found', async () => {
      const { db, drop } = await backend.fresh();
      try {
        assert.deepEqual(await migrate(db, MIGRATIONS, 1), [1]);
        const token = randomBytes(24).toString('base64url');
        // A refresh token as version 1 stored it.
        await db.query(
          `insert into oidc_entries (model, id_hash, payload, grant_id, client_id, account_id, expires_at) values ('RefreshToken', $1, $2, 'g-v1', 'grantkit-demo', 'ada', now() + interval '1 hour')`,
          [idHash(token), { kind: 'RefreshToken', grantId: 'g-v1', clientId: 'grantkit-demo', accountId: 'ada', scope: 'openid' }],
        );
        assert.deepEqual(await migrate(db), MIGRATIONS.filter((m) => m.version > 1).map((m) => m.version));
        const found = await new OidcStorage(db, { handleKey: randomBytes(32) }).adapter('RefreshToken').find(token);
        assert.equal(found?.grantId, 'g-v1');
        assert.equal(found?.jti, token);
      } finally {
        await drop();
      }
    });

    it('gives the integrations of a version 4 database the kind the document derives for them (version 5)', async () => {
      const { db, drop } = await backend.fresh();
      try {
        assert.deepEqual(await migrate(db, MIGRATIONS, 4), [1, 2, 3, 4]);
        const rows: Array<[string, string, string[]]> = [
          ['gk_spa', 'none', ['authorization_code', 'refresh_token']],
          ['gk_web', 'client_secret_basic', ['authorization_code', 'client_credentials']],
          ['gk_job', 'client_secret_post', ['client_credentials']],
          ['gk_keys', 'private_key_jwt', ['client_credentials']],
        ];
        for (const [id, method, grants] of rows) {
          await db.query(
            `insert into integrations (client_id, client_name, version, look_key, search_text, token_endpoint_auth_method, grant_types, status, created_at, updated_at)
             values ($1, $1, '1', $1, '', $2, $3, 'active', now(), now())`,
            [id, method, JSON.stringify(grants)],
          );
        }
        assert.deepEqual(await migrate(db), MIGRATIONS.filter((m) => m.version > 4).map((m) => m.version));
        const kinds = await db.query<{ client_id: string; kind: string }>('select client_id, kind from integrations order by client_id');
        assert.deepEqual(Object.fromEntries(kinds.map((k) => [k.client_id, k.kind])), { gk_job: 'service', gk_keys: 'service', gk_spa: 'single_page', gk_web: 'web' });
        // The same rule as the server's for an integration created without a kind.
        const { kindOf } = await import('../admin/records.js');
        for (const [id, method, grants] of rows) {
          assert.equal(kindOf({ token_endpoint_auth_method: method as 'none', grant_types: grants as ['client_credentials'] }), kinds.find((k) => k.client_id === id)!.kind);
        }
        await assert.rejects(db.query("update integrations set kind = 'desktop' where client_id = 'gk_spa'"), /integrations_kind/);
      } finally {
        await drop();
      }
    });

    it('refuses a database newer than the server', async () => {
      const { db, drop } = await backend.fresh();
      try {
        await migrate(db, [...MIGRATIONS, next]);
        await assert.rejects(migrate(db), /newer than this server/);
      } finally {
        await drop();
      }
    });

    it('applies nothing of a migration that fails', async () => {
      const { db, drop } = await backend.fresh();
      try {
        await migrate(db);
        const broken: Migration = { version: newest + 1, name: 'broken', sql: 'create table half_done (id integer); select no_such_function();' };
        await assert.rejects(migrate(db, [...MIGRATIONS, broken]));
        assert.equal(await currentVersion(db), newest);
        assert.equal((await db.query("select 1 from information_schema.tables where table_name = 'half_done'")).length, 0);
      } finally {
        await drop();
      }
    });

    if (backend.name === 'PostgreSQL') {
      it('lets two processes start at once: one migrates, the other waits and finds it done', async () => {
        const { reopen, drop } = await backend.fresh();
        try {
          const [a, b] = await Promise.all([reopen(), reopen()]);
          const [first, second] = await Promise.all([migrate(a!), migrate(b!)]);
          assert.deepEqual([...first!, ...second!].sort(), MIGRATIONS.map((m) => m.version));
          assert.equal(await currentVersion(a!), newest);
        } finally {
          await drop();
        }
      });
    }
  });
}
