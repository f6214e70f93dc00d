import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { api, refresh, signIn, start } from './support.js';

describe('the embedded database in a directory (--data DIR)', () => {
  it('keeps integrations, sign-ins and keys across a restart: nobody is signed out', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'grantkit-data-'));
    try {
      const first = await start({ database: { dataDir: dir } });
      const session = await signIn(first, 'ada@example.com', 'ada-demo', {
        clientId: 'grantkit-demo', redirectUri: `${first.origin}/`, scope: 'openid offline_access grantkit:admin', resource: first.adminAudience,
      });
      const created = await api(first, session.access_token)('POST', '/integrations', {
        client_name: 'Survivor', version: '1', token_endpoint_auth_method: 'none', grant_types: ['authorization_code'], redirect_uris: ['https://s.example/cb'],
      });
      assert.equal(created.status, 201);
      await first.close();

      // A new process on the same directory, with a signing key of its own that it must not use.
      const second = await start({ database: { dataDir: dir }, port: first.port });
      try {
        // Same key: the access token from before the restart is still accepted…
        const read = await api(second, session.access_token)('GET', `/integrations/${created.body!.client_id}`);
        assert.equal(read.status, 200);
        assert.equal(read.body!.client_name, 'Survivor');
        // …the seed is not written twice…
        const listed = await api(second, session.access_token)('GET', '/integrations?q=erp');
        assert.equal(listed.body!.items.length, 1);
        // …and the refresh token still works, so nobody is signed out by a restart.
        const refreshed = await refresh(second, 'grantkit-demo', session.refresh_token!);
        assert.equal(refreshed.status, 200, JSON.stringify(refreshed.body));
        assert.ok(refreshed.body.access_token);
      } finally {
        await second.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
