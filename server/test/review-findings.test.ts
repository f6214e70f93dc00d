import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { api, authorize, CookieJar, exchange, refresh, requestFrom as request, type RawReply, signIn, start, type Running, type SignInClient } from './support.js';

// Findings of the security review of 2026-12-01 (R1–R7). Each test states what should hold;
// each failed before its fix. Numbers match the review report.

async function beginSignIn(server: Running, from = '127.0.0.1'): Promise<{ uid: string; cookie: string }> {
  const query = new URLSearchParams({
    client_id: 'grantkit-demo', redirect_uri: `${server.origin}/`, response_type: 'code', scope: 'openid', state: randomBytes(8).toString('base64url'),
    code_challenge: createHash('sha256').update(randomBytes(32).toString('base64url')).digest('base64url'), code_challenge_method: 'S256',
  });
  const reply = await request(`${server.origin}/auth?${query}`, { from });
  const uid = /^\/interaction\/([\w-]+)$/.exec(String(reply.headers.location ?? ''))?.[1];
  assert.ok(uid, `no interaction for ${reply.status}`);
  return { uid, cookie: (reply.headers['set-cookie'] ?? []).map((line) => line.split(';')[0]).join('; ') };
}

function tryPassword(server: Running, started: { uid: string; cookie: string }, login: string, password: string, from = '127.0.0.1'): Promise<RawReply> {
  return request(`${server.origin}/interaction/${started.uid}/login`, {
    method: 'POST', from,
    headers: { cookie: started.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ login, password }).toString(),
  });
}

let server: Running;
let admin: ReturnType<typeof api>;
before(async () => {
  server = await start({ seedTokens: false });
  admin = api(server, (await signIn(server, 'ada@example.com', 'ada-demo')).access_token);
});
after(() => server.close());

describe('review findings', () => {
  it('R1: a server run as a service (not demo mode) has no known account, and its login page publishes no password', async () => {
    const service = await start({ demo: false });
    try {
      const started = await beginSignIn(service);
      const page = await request(`${service.origin}/interaction/${started.uid}`, { headers: { cookie: started.cookie } });
      assert.equal(page.status, 200);
      assert.ok(!page.body.includes('ada-demo') && !page.body.includes('Demo accounts'), 'the login page prints demo passwords');
      assert.equal((await tryPassword(service, started, 'ada@example.com', 'ada-demo')).status, 401, 'the demo admin can sign in to a service');
      // Nothing it did not create: no example integration with a loopback callback and a consent already given.
      assert.equal((await service.db.query('select 1 from integrations')).length, 0);
      assert.equal((await service.db.query('select 1 from consents')).length, 0);
    } finally {
      await service.close();
    }
    // Demo mode, which npm start uses, still shows its accounts.
    const started = await beginSignIn(server);
    const demoPage = await request(`${server.origin}/interaction/${started.uid}`, { headers: { cookie: started.cookie } });
    assert.match(demoPage.body, /ada-demo/);
  });

  it('R2: "Sign out everywhere" ends admin access even when the sign-in was granted offline_access', async () => {
    const client: SignInClient = { clientId: 'grantkit-demo', redirectUri: `${server.origin}/`, scope: 'openid offline_access grantkit:admin', resource: server.adminAudience };
    const jar = new CookieJar();
    const { callback, verifier } = await authorize(server, 'ada@example.com', 'ada-demo', client, { jar, params: { prompt: 'consent' } });
    const tokens = await exchange(server, client, callback.searchParams.get('code')!, verifier);
    assert.equal((await api(server, tokens.access_token)('GET', '/me')).status, 200);

    const page = await fetch(`${server.origin}/session/end`, { headers: { cookie: jar.header() }, redirect: 'manual' });
    jar.store(page);
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(await page.text())?.[1];
    assert.ok(xsrf);
    const confirmed = await fetch(`${server.origin}/session/end/confirm`, {
      method: 'POST', redirect: 'manual',
      headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ xsrf, logout: 'yes' }),
    });
    assert.equal(confirmed.status, 303);

    assert.equal((await api(server, tokens.access_token)('GET', '/me')).status, 401, 'the admin access token still works after signing out everywhere');
    assert.notEqual((await refresh(server, 'grantkit-demo', tokens.refresh_token!)).status, 200, 'the refresh token still refreshes after signing out everywhere');
  });

  it('R3: a flood of anonymous sign-ins from one address does not end a pending sign-in from another', async () => {
    const small = await start({ seedTokens: false, maxPendingSignIns: 300 });
    try {
      const victim = await beginSignIn(small, '127.0.0.1');
      for (let i = 0; i < 400; i += 50) await Promise.all(Array.from({ length: 50 }, () => beginSignIn(small, '127.0.0.2')));
      const finished = await tryPassword(small, victim, 'vic@example.com', 'vic-demo');
      assert.equal(finished.status, 303, 'one address evicted another address\'s sign-in');
    } finally {
      await small.close();
    }
  });

  it('R4: a page limit of Infinity is refused like any limit over 100', async () => {
    for (const limit of ['Infinity', '1e400', '-Infinity']) {
      for (const path of ['/scopes', '/integrations', '/tokens']) {
        const res = await admin('GET', `${path}?limit=${limit}`);
        assert.equal(res.status, 400, `${path}?limit=${limit} answered ${res.status}`);
      }
    }
  });

  it('R5: look-alikes from other scripts of an existing name and version are duplicates', async () => {
    const base = { version: '9.9', token_endpoint_auth_method: 'none', grant_types: ['authorization_code'], redirect_uris: ['http://127.0.0.1:9/cb'] };
    assert.equal((await admin('POST', '/integrations', { ...base, client_name: 'Reporting Board' })).status, 201);
    // confusables.txt: U+0585 ARMENIAN SMALL LETTER OH, U+1D0F LATIN LETTER SMALL CAPITAL O, U+13A1 CHEROKEE LETTER E (R), U+0184 LATIN CAPITAL LETTER TONE SIX (b)
    for (const name of ['Rep\u0585rting Board', 'Rep\u1D0Frting Board', '\u13A1eporting Board', 'Reporting \u0184oard']) {
      const res = await admin('POST', '/integrations', { ...base, client_name: name });
      assert.equal(res.status, 409, `${JSON.stringify(name)} was created (${res.status}) beside "Reporting Board"`);
    }
  });

  it('R6: the password throttle counts per account, whichever login (e-mail or id) names it', async () => {
    const fresh = await start({ seedTokens: false });
    try {
      const started = await beginSignIn(fresh);
      for (let i = 0; i < 5; i++) assert.equal((await tryPassword(fresh, started, 'ada@example.com', `guess-${i}`)).status, 401);
      assert.equal((await tryPassword(fresh, started, 'ada@example.com', 'guess-5')).status, 429);
      assert.equal((await tryPassword(fresh, started, 'ada', 'guess-6')).status, 429, 'the same account takes further guesses under its id');
    } finally {
      await fresh.close();
    }
  });

  it('R7: an integration gets no refresh token unless the user allowed offline_access', async () => {
    const created = await admin('POST', '/integrations', {
      client_name: 'Offline Check', version: '1.0', token_endpoint_auth_method: 'none',
      grant_types: ['authorization_code', 'refresh_token'], redirect_uris: ['http://127.0.0.1:9/callback'],
    });
    assert.equal(created.status, 201);
    const id = created.body!.client_id as string;
    assert.equal((await admin('PUT', `/integrations/${id}/scopes/reports:read`)).status, 204);
    const tokens = await signIn(server, 'ada@example.com', 'ada-demo', { clientId: id, redirectUri: 'http://127.0.0.1:9/callback', scope: 'openid reports:read', resource: `${server.origin}/api` });
    assert.equal(tokens.scope, 'reports:read');
    assert.equal(tokens.refresh_token, undefined, 'a refresh token was issued although the consent page did not ask for offline_access');
  });
});
