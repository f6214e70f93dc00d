import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { migrate } from '../db/migrations.js';
import { errors } from 'oidc-provider';
import type { Database } from '../db/database.js';
import { idHash, OidcStorage, sweepExpired } from '../oidc/sql-adapter.js';
import { BACKENDS, type TestDatabase } from './databases.js';

const id = () => randomBytes(24).toString('base64url');
const handleKey = randomBytes(32);
const sqlAdapter = (db: Database, model: string) => new OidcStorage(db, { handleKey }).adapter(model);

for (const backend of BACKENDS) {
  describe(`oidc-provider's storage on ${backend.name}`, { skip: backend.skip }, () => {
    let t: TestDatabase;
    before(async () => {
      t = await backend.fresh();
      await migrate(t.db);
    });
    after(() => t?.drop());

    it('finds what it stored, with its id, and never holds an opaque token in the table', async () => {
      const tokens = sqlAdapter(t.db, 'AccessToken');
      const value = id();
      await tokens.upsert(value, { jti: value, kind: 'AccessToken', clientId: 'c1', accountId: 'ada', grantId: 'g1', scope: 'a b' }, 60);
      const found = await tokens.find(value);
      assert.equal(found?.jti, value);
      assert.equal(found?.scope, 'a b');
      const dump = JSON.stringify(await t.db.query('select * from oidc_entries'));
      assert.ok(!dump.includes(value), 'the bearer value is nowhere in the table');
      assert.ok(dump.includes(idHash(value)));
      assert.equal(await sqlAdapter(t.db, 'RefreshToken').find(value), undefined, 'another model does not see it');
    });

    it('treats a row as gone at its expiry, before the sweep, and the sweep removes it', async () => {
      const codes = sqlAdapter(t.db, 'AuthorizationCode');
      const value = id();
      await codes.upsert(value, { jti: value, kind: 'AuthorizationCode', clientId: 'c1' }, 1);
      assert.ok(await codes.find(value));
      await new Promise((resolve) => setTimeout(resolve, 1100));
      assert.equal(await codes.find(value), undefined);
      assert.equal((await t.db.query('select 1 from oidc_entries where id_hash = $1', [idHash(value)])).length, 1, 'still there until swept');
      assert.ok((await sweepExpired(t.db)) >= 1);
      assert.equal((await t.db.query('select 1 from oidc_entries where id_hash = $1', [idHash(value)])).length, 0);
    });

    it('consumes once, and a consumed row reads as consumed; a second use of a refresh token ends its grant', async () => {
      const refresh = sqlAdapter(t.db, 'RefreshToken');
      const access = sqlAdapter(t.db, 'AccessToken');
      const [value, accessToken] = [id(), id()];
      await refresh.upsert(value, { jti: value, kind: 'RefreshToken', clientId: 'c1', grantId: 'g2' }, 60);
      await access.upsert(accessToken, { jti: accessToken, kind: 'AccessToken', clientId: 'c1', grantId: 'g2' }, 60);
      await refresh.consume(value);
      const consumed = (await refresh.find(value))?.consumed;
      assert.equal(typeof consumed, 'number');
      await assert.rejects(refresh.consume(value), errors.InvalidGrant);
      assert.equal(await access.find(accessToken), undefined, 'the grant\'s other tokens are gone');
    });

    it('says a grant allows a scope only while it lives, for its own client and user, and for that resource', async () => {
      const storage = new OidcStorage(t.db, { handleKey });
      const grants = storage.adapter('Grant');
      const [live, short] = [id(), id()];
      const resources = { 'https://api.example/admin': 'grantkit:admin other', 'https://api.example/reports': 'reports:read' };
      await grants.upsert(live, { jti: live, kind: 'Grant', clientId: 'portal', accountId: 'ada', resources }, 60);
      await grants.upsert(short, { jti: short, kind: 'Grant', clientId: 'portal', accountId: 'ada', resources }, 1);
      const allows = (grant: string, clientId = 'portal', accountId = 'ada', resource = 'https://api.example/admin', scope = 'grantkit:admin') =>
        storage.grantAllows(grant, clientId, accountId, resource, scope);
      assert.equal(await allows(live), true);
      assert.equal(await allows(live, 'other-client'), false, 'another client');
      assert.equal(await allows(live, 'portal', 'vic'), false, 'another user');
      assert.equal(await allows(live, 'portal', 'ada', 'https://api.example/reports'), false, 'the scope on another resource');
      assert.equal(await allows(live, 'portal', 'ada', 'https://api.example/admin', 'grantkit:adm'), false, 'a prefix of a scope is not the scope');
      assert.equal(await allows(id()), false, 'an unknown grant');
      assert.equal(await allows(short), true);
      await new Promise((resolve) => setTimeout(resolve, 1100));
      assert.equal(await allows(short), false, 'expired, before any sweep');
      await storage.revokeGrant(live);
      assert.equal(await allows(live), false, 'revoked');

      // A payload JSON.parse takes but jsonb refuses allows nothing, and is no 500.
      const odd = id();
      await grants.upsert(odd, { jti: odd, kind: 'Grant', clientId: 'portal', accountId: 'ada', resources, note: 'nul \u0000 here' }, 60);
      assert.equal(await allows(odd), false);
    });

    it('finds a session by its uid, and revokes a whole grant', async () => {
      const sessions = sqlAdapter(t.db, 'Session');
      const sid = id();
      const uid = id();
      await sessions.upsert(sid, { jti: sid, kind: 'Session', uid, accountId: 'ada' }, 60);
      assert.equal((await sessions.findByUid(uid))?.jti, sid);
      assert.equal(await sessions.findByUid(id()), undefined);

      const access = sqlAdapter(t.db, 'AccessToken');
      const [a1, a2, other] = [id(), id(), id()];
      await access.upsert(a1, { jti: a1, kind: 'AccessToken', grantId: 'g-revoked' }, 60);
      await access.upsert(a2, { jti: a2, kind: 'AccessToken', grantId: 'g-revoked' }, 60);
      await access.upsert(other, { jti: other, kind: 'AccessToken', grantId: 'g-kept' }, 60);
      await access.revokeByGrantId('g-revoked');
      assert.equal(await access.find(a1), undefined);
      assert.equal(await access.find(a2), undefined);
      assert.ok(await access.find(other));
      await access.destroy(other);
      assert.equal(await access.find(other), undefined);
    });

    it('of two consumers racing for one refresh token, exactly one wins; the loser ends the grant (reuse detection)', { skip: backend.name === 'PGlite in a directory' ? 'one connection per directory' : undefined }, async () => {
      const other = backend.name === 'PostgreSQL' ? await t.reopen() : t.db;
      const value = id();
      await sqlAdapter(t.db, 'RefreshToken').upsert(value, { jti: value, kind: 'RefreshToken', clientId: 'c1', grantId: 'g-race' }, 60);
      const results = await Promise.allSettled([sqlAdapter(t.db, 'RefreshToken').consume(value), sqlAdapter(other, 'RefreshToken').consume(value)]);
      assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1, JSON.stringify(results));
      const lost = results.find((r) => r.status === 'rejected');
      assert.ok(lost && lost.reason instanceof errors.InvalidGrant);
      assert.equal(await sqlAdapter(t.db, 'RefreshToken').find(value), undefined, 'the grant ended');
      const [count] = await t.db.query<{ used: number }>('select used from refresh_counts where grant_id = $1', ['g-race']);
      assert.equal(count?.used, 1, 'one refresh counted');
    });

    it('a replay-detection record is taken once, even by two processes at once', { skip: backend.name === 'PGlite in a directory' ? 'one connection per directory' : undefined }, async () => {
      const other = backend.name === 'PostgreSQL' ? await t.reopen() : t.db;
      const proof = id();
      const results = await Promise.allSettled([
        sqlAdapter(t.db, 'ReplayDetection').upsert(proof, { jti: proof, kind: 'ReplayDetection', iss: 'c1' }, 60),
        sqlAdapter(other, 'ReplayDetection').upsert(proof, { jti: proof, kind: 'ReplayDetection', iss: 'c1' }, 60),
      ]);
      assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
    });

    it('a refresh token reads as gone once its integration\'s refresh count is used up', async () => {
      const clientId = `gk_${id()}`;
      const now = new Date();
      await t.db.query(
        `insert into integrations (client_id, client_name, version, look_key, search_text, kind, token_endpoint_auth_method, status, refresh_count, created_at, updated_at)
         values ($1, 'Counted', '1', $1, '', 'single_page', 'none', 'active', 1, $2, $2)`,
        [clientId, now],
      );
      const refresh = sqlAdapter(t.db, 'RefreshToken');
      const [first, second] = [id(), id()];
      await refresh.upsert(first, { jti: first, kind: 'RefreshToken', clientId, grantId: `g-${clientId}` }, 60);
      assert.ok(await refresh.find(first));
      await refresh.consume(first);
      await refresh.upsert(second, { jti: second, kind: 'RefreshToken', clientId, grantId: `g-${clientId}` }, 60);
      assert.equal(await refresh.find(second), undefined, 'the one refresh allowed is used');
    });
  });
}
