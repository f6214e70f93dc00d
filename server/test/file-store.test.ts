import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { api, refresh, signIn, start } from './support.js';

describe('the JSON file store (--data FILE)', () => {
  it('keeps integrations, sign-ins and keys across a restart, written atomically', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'grantkit-store-'));
    const dataFile = join(dir, 'state.json');

    const first = await start({ dataFile });
    const session = await signIn(first, 'ada@example.com', 'ada-demo', {
      clientId: 'grantkit-demo', redirectUri: `${first.origin}/`, scope: 'openid offline_access grantkit:admin', resource: first.adminAudience,
    });
    const created = await api(first, session.access_token)('POST', '/integrations', {
      client_name: 'Survivor', version: '1', token_endpoint_auth_method: 'none', grant_types: ['authorization_code'], redirect_uris: ['https://s.example/cb'],
    });
    assert.equal(created.status, 201);
    await first.close();

    // Another process would read the same file; a new app instance on it is the same thing.
    const files = await readdir(dir);
    assert.deepEqual(files, ['state.json'], 'no temporary file is left behind');
    const saved = JSON.parse(await readFile(dataFile, 'utf8')) as { integrations: Array<{ client_name: string }> };
    assert.ok(saved.integrations.some((i) => i.client_name === 'Survivor'));

    const second = await start({ dataFile, port: Number(new URL(first.origin).port) });
    try {
      // Same key: the access token from before the restart is still accepted…
      const read = await fetch(`${second.origin}/admin/v1/integrations/${created.body!.client_id}`, { headers: { authorization: `Bearer ${session.access_token}` } });
      assert.equal(read.status, 200);
      // …and the refresh token still works, so nobody is signed out by a restart.
      const refreshed = await refresh(second, 'grantkit-demo', session.refresh_token!);
      assert.equal(refreshed.status, 200, JSON.stringify(refreshed.body));
      assert.ok(refreshed.body.access_token);
    } finally {
      await second.close();
    }
  });
});
