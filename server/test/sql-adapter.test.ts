import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { migrate } from '../db/migrations.js';
import { idHash, sqlAdapter, sweepExpired } from '../oidc/sql-adapter.js';
import { BACKENDS, type TestDatabase } from './databases.js';

const id = () => randomBytes(24).toString('base64url');

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

    it('consumes once, and a consumed row reads as consumed', async () => {
      const refresh = sqlAdapter(t.db, 'RefreshToken');
      const value = id();
      await refresh.upsert(value, { jti: value, kind: 'RefreshToken', clientId: 'c1', grantId: 'g2' }, 60);
      await refresh.consume(value);
      const consumed = (await refresh.find(value))?.consumed;
      assert.equal(typeof consumed, 'number');
      await refresh.consume(value);
      assert.equal((await refresh.find(value))?.consumed, consumed, 'the first consumption stands');
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
  });
}
