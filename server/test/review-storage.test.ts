import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { Consents } from '../admin/consents.js';
import { migrate } from '../db/migrations.js';
import { BACKENDS } from './databases.js';
import { api, authorize, CookieJar, databaseText, refresh, signIn, start, type Running } from './support.js';

// Review of the move to PostgreSQL (storage, paging, races). Each test states what should
// hold and fails on the code as reviewed. S-numbers match the review report.

let server: Running;
let admin: ReturnType<typeof api>;
before(async () => {
  server = await start({ seedTokens: false });
  admin = api(server, (await signIn(server, 'ada@example.com', 'ada-demo')).access_token);
});
after(() => server.close());

const form = (body: Record<string, string>) => ({ method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(body) });

describe('storage review', () => {
  it('S1: a client_id with U+0000 at the OIDC endpoints is an unknown client (4xx), not a 500 from PostgreSQL', async () => {
    const nul = 'gk_\u0000x';
    const auth = new URL(`${server.origin}/auth`);
    auth.search = new URLSearchParams({
      client_id: nul, response_type: 'code', scope: 'openid', redirect_uri: 'http://127.0.0.1:9/cb',
      code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM', code_challenge_method: 'S256',
    }).toString();
    const answers: Record<string, number> = {
      '/auth': (await fetch(auth, { redirect: 'manual' })).status,
      '/token': (await fetch(`${server.origin}/token`, form({ grant_type: 'client_credentials', client_id: nul, client_secret: 'x' }))).status,
      '/token/introspection': (await fetch(`${server.origin}/token/introspection`, form({ token: 'x', client_id: nul }))).status,
      '/token/revocation': (await fetch(`${server.origin}/token/revocation`, form({ token: 'x', client_id: nul }))).status,
      '/request': (await fetch(`${server.origin}/request`, form({ client_id: nul, response_type: 'code' }))).status,
      '/session/end': (await fetch(`${server.origin}/session/end?client_id=${encodeURIComponent(nul)}`, { redirect: 'manual' })).status,
    };
    const failed = Object.entries(answers).filter(([, status]) => status >= 500);
    assert.deepEqual(failed, [], `answered with a 5xx: ${JSON.stringify(failed)}`);
  });

  it('S2: a redirect URI with a lone surrogate is a 400, not a 500 (jsonb refuses \\ud800)', async () => {
    // JSON.stringify writes a lone surrogate as the escape \ud800, which jsonb cannot hold.
    const body = '{"client_name":"Surrogate","version":"1","token_endpoint_auth_method":"none","grant_types":["authorization_code"],"redirect_uris":["https://example.com/\\ud800"]}';
    const created = await admin('POST', '/integrations', body);
    assert.equal(created.status, 400, JSON.stringify(created.body));

    const ok = await admin('POST', '/integrations', { client_name: 'Surrogate patch', version: '1', token_endpoint_auth_method: 'none', grant_types: ['authorization_code'], redirect_uris: ['https://example.com/cb'] });
    assert.equal(ok.status, 201);
    const patched = await admin('PATCH', `/integrations/${String(ok.body!.client_id)}`, '{"redirect_uris":["https://example.com/\\udfff"]}');
    assert.equal(patched.status, 400, JSON.stringify(patched.body));
  });

  it('S3: a forged cursor naming a time past the year 9999 is a 400 on PGlite, not a 500', async () => {
    // The cursor's time may have 15 digits; PGlite sends a Date as toISOString(), which past 9999 is "+010000-…".
    const cursor = Buffer.from('999999999999999|x').toString('base64url');
    for (const path of ['/integrations', '/personal-tokens', '/connected-apps']) {
      const answer = await admin('GET', `${path}?cursor=${cursor}`);
      assert.ok(answer.status === 400 || answer.status === 200, `${path} answered ${answer.status}`);
    }
  });

  it('S4: a grant whose access token has expired but whose refresh token still lives stays in the token list', async () => {
    let offset = 0;
    const timed = await start({ seedTokens: false, clock: () => Date.now() + offset, sweepIntervalMs: 20 });
    try {
      const ada = api(timed, (await signIn(timed, 'ada@example.com', 'ada-demo')).access_token);
      assert.equal((await ada('POST', '/scopes', { name: 'ledger:read' })).status, 201);
      const created = await ada('POST', '/integrations', {
        client_name: 'Ledger', version: '1', token_endpoint_auth_method: 'none', grant_types: ['authorization_code', 'refresh_token'],
        redirect_uris: ['http://127.0.0.1:9/callback'], access_token_lifetime: 60,
      });
      const clientId = String(created.body!.client_id);
      assert.equal((await ada('PUT', `/integrations/${clientId}/scopes/ledger:read`)).status, 204);
      const tokens = await signIn(timed, 'vic@example.com', 'vic-demo', { clientId, redirectUri: 'http://127.0.0.1:9/callback', scope: 'openid offline_access ledger:read' }, { params: { prompt: 'consent' } });
      assert.ok(tokens.refresh_token);
      assert.equal(((await ada('GET', `/tokens?client_id=${clientId}`)).body!.items as unknown[]).length, 1);

      // The access token expires (60 s) and is swept; the refresh token lives on (24 h).
      offset = 120_000;
      await new Promise((resolve) => setTimeout(resolve, 200));
      const listed = (await ada('GET', `/tokens?client_id=${clientId}`)).body!.items as Array<{ has_refresh_token: boolean }>;
      assert.equal(listed.length, 1, 'the grant, with a live refresh token, vanished from the list an admin revokes from');
      assert.equal(listed[0]!.has_refresh_token, true);
      // (It is still good: the refresh works.)
      assert.equal((await refresh(timed, clientId, tokens.refresh_token!)).status, 200);
    } finally {
      await timed.close();
    }
  });

  it('S7: allowing on a consent page whose integration was deleted meanwhile is a 4xx page, not a 500 (consents_client_id_fkey)', async () => {
    assert.equal((await admin('POST', '/scopes', { name: 'gone:read' })).status, 201);
    const created = await admin('POST', '/integrations', {
      client_name: 'Deleted mid sign-in', version: '1', token_endpoint_auth_method: 'none', grant_types: ['authorization_code'], redirect_uris: ['http://127.0.0.1:9/callback'],
    });
    const clientId = String(created.body!.client_id);
    assert.equal((await admin('PUT', `/integrations/${clientId}/scopes/gone:read`)).status, 204);
    const jar = new CookieJar();
    const auth = new URL(`${server.origin}/auth`);
    auth.search = new URLSearchParams({
      client_id: clientId, redirect_uri: 'http://127.0.0.1:9/callback', response_type: 'code', scope: 'openid gone:read', state: 's',
      code_challenge: createHash('sha256').update('v'.repeat(43)).digest('base64url'), code_challenge_method: 'S256',
    }).toString();
    const post = (url: string, body: string) => fetch(url, { method: 'POST', redirect: 'manual', headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' }, body });
    let url = auth.href;
    for (let hop = 0; hop < 10; hop++) {
      const reply = await fetch(url, { redirect: 'manual', headers: { cookie: jar.header() } });
      jar.store(reply);
      if (reply.status !== 200) {
        url = new URL(reply.headers.get('location')!, url).href;
        continue;
      }
      const uid = /\/interaction\/([^/?]+)/.exec(url)![1];
      if ((await reply.text()).includes(`/interaction/${uid}/consent`)) {
        // The user reads the consent page; meanwhile an admin deletes the integration.
        assert.equal((await admin('DELETE', `/integrations/${clientId}`)).status, 204);
        const allowed = await post(`${server.origin}/interaction/${uid}/consent`, 'decision=allow');
        assert.ok(allowed.status < 500, `the consent POST answered ${allowed.status}`);
        return;
      }
      const login = await post(`${server.origin}/interaction/${uid}/login`, new URLSearchParams({ login: 'vic@example.com', password: 'vic-demo' }).toString());
      jar.store(login);
      url = new URL(login.headers.get('location')!, url).href;
    }
    assert.fail('no consent page');
  });
});

const postgres = BACKENDS.find((b) => b.name === 'PostgreSQL')!;

describe('storage review on PostgreSQL', { skip: postgres.skip }, () => {
  it('S6: two first consents to one integration at once keep both scopes (no lost update)', async () => {
    const t = await postgres.fresh();
    try {
      await migrate(t.db);
      const other = await t.reopen();
      await t.db.query(
        `insert into integrations (client_id, client_name, version, look_key, search_text, kind, token_endpoint_auth_method, status, created_at, updated_at)
         values ('gk_race', 'Race', '1', 'race', 'race', 'single_page', 'none', 'active', now(), now())`,
      );
      // Two instances (two pools), the user allowing a scope in each of two tabs.
      const first = new Consents(t.db, async () => undefined);
      const second = new Consents(other, async () => undefined);
      let lost = 0;
      for (let i = 0; i < 10; i++) {
        await Promise.all([first.allow(`user${i}`, 'gk_race', ['a:read']), second.allow(`user${i}`, 'gk_race', ['b:read'])]);
        if ((await first.scopesOf(`user${i}`, 'gk_race')).size !== 2) lost++;
      }
      assert.equal(lost, 0, `${lost} of 10 racing first consents lost a scope`);
    } finally {
      await t.drop();
    }
  });
});
