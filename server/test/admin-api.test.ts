import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { api, clientCredentials, databaseText, dpopKeys, dpopProof, dpopProof as proofWith, forge, refresh, signIn, start, type DPoPKeys, type Running } from './support.js';

let server: Running;
let adminToken: string;
let viewerToken: string;

before(async () => {
  server = await start();
  adminToken = (await signIn(server, 'ada@example.com', 'ada-demo')).access_token;
  viewerToken = (await signIn(server, 'vic@example.com', 'vic-demo')).access_token;
});
after(() => server.close());

const confidential = (name: string, extra: Record<string, unknown> = {}) => ({
  client_name: name,
  version: '1.0',
  token_endpoint_auth_method: 'client_secret_basic',
  grant_types: ['client_credentials'],
  ...extra,
});

describe('admin API authentication (JWT validation per the reference)', () => {
  it('answers /me for a signed-in admin and viewer, with their permissions', async () => {
    const admin = await api(server, adminToken)('GET', '/me');
    assert.equal(admin.status, 200);
    assert.deepEqual(admin.body!.roles, ['admin']);
    assert.ok(admin.body!.permissions.includes('integrations:write'));
    assert.equal(admin.body!.auth, 'access_token');
    const viewer = await api(server, viewerToken)('GET', '/me');
    assert.deepEqual(viewer.body!.roles, ['viewer']);
    assert.ok(!viewer.body!.permissions.includes('integrations:write'));
  });

  it('asks for a token when none is sent', async () => {
    const res = await api(server, undefined)('GET', '/me');
    assert.equal(res.status, 401);
    assert.equal(res.headers.get('content-type'), 'application/problem+json');
    assert.equal(res.body!.code, 'unauthorized');
    assert.match(res.headers.get('www-authenticate')!, /^Bearer realm="grantkit-admin"/);
  });

  const now = () => Math.floor(Date.now() / 1000);
  // Everything a real admin token has, down to its live grant: each case below breaks one thing.
  const grantOf = (token: string) => (JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as { gid: string }).gid;
  const valid = () => ({ sub: 'ada', iss: server.origin, aud: server.adminAudience, iat: now(), exp: now() + 300, client_id: 'grantkit-demo', scope: 'openid grantkit:admin', gid: grantOf(adminToken) });
  const rejections: Array<[string, () => Promise<string>]> = [
    ['an unsigned token (alg: none)', async () => {
      const part = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
      return `${part({ alg: 'none', typ: 'JWT' })}.${part(valid())}.`;
    }],
    ['a token signed with another key', () => forge(generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey, valid())],
    ['an expired token', () => forge(server.signingKey, { ...valid(), iat: now() - 600, exp: now() - 300 })],
    ['a token from another issuer', () => forge(server.signingKey, { ...valid(), iss: 'https://evil.example' })],
    ['a token for another audience', () => forge(server.signingKey, { ...valid(), aud: 'https://other-api.example' })],
    ['a token with a tampered payload', async () => {
      const [h, , s] = (await forge(server.signingKey, valid())).split('.');
      return `${h}.${Buffer.from(JSON.stringify({ ...valid(), sub: 'vic' })).toString('base64url')}.${s}`;
    }],
    ['garbage', async () => 'not-a-jwt'],
    // RFC 9068 §4: an ID token or any other JWT from the issuer is not an access token.
    ['a token whose typ is not at+jwt', () => forge(server.signingKey, valid(), { alg: 'RS256', kid: 'grantkit-signing-key', typ: 'JWT' })],
    ['a token without a typ', () => forge(server.signingKey, valid(), { alg: 'RS256', kid: 'grantkit-signing-key' })],
    ['a token issued to a client that is not an admin portal', () => forge(server.signingKey, { ...valid(), client_id: 'gk_reporting_dashboard' })],
    ['a token without a client_id', () => forge(server.signingKey, { ...valid(), client_id: undefined })],
    ['a token whose grant does not exist', () => forge(server.signingKey, { ...valid(), gid: 'no-such-grant' })],
    ['a token without a grant', () => forge(server.signingKey, { ...valid(), gid: undefined })],
    ["a token naming another user's grant", () => forge(server.signingKey, { ...valid(), gid: grantOf(viewerToken) })],
  ];
  for (const [name, make] of rejections) {
    it(`refuses ${name} with 401 and an invalid_token challenge`, async () => {
      const res = await api(server, await make())('GET', '/me');
      assert.equal(res.status, 401);
      assert.equal(res.body!.code, 'unauthorized');
      assert.match(res.headers.get('www-authenticate')!, /error="invalid_token"/);
    });
  }

  it('refuses a token without the admin scope with 403 insufficient_scope', async () => {
    const res = await api(server, await forge(server.signingKey, { ...valid(), scope: 'openid profile' }))('GET', '/me');
    assert.equal(res.status, 403);
    assert.match(res.headers.get('www-authenticate')!, /error="insufficient_scope"/);
  });

  it('takes a correctly signed token with every claim right (so each refusal above is for its own reason)', async () => {
    const res = await api(server, await forge(server.signingKey, valid()))('GET', '/me');
    assert.equal(res.status, 200);
    assert.equal(res.body!.sub, 'ada');
  });
});

describe('admin API with DPoP-bound tokens (RFC 9449 §7)', () => {
  const demo = () => ({ clientId: 'grantkit-demo-dpop', redirectUri: `${server.origin}/admin`, scope: 'openid grantkit:admin', resource: server.adminAudience });
  const me = () => `${server.origin}/admin/v1/me`;

  /** The API's current nonce, as a client learns it: from the challenge to a proof without one. */
  const nonceFor = async (keys: DPoPKeys, token: string) => {
    const res = await api(server, undefined)('GET', '/me', undefined, { authorization: `DPoP ${token}`, dpop: await dpopProof(keys, 'GET', me(), token) });
    return res.headers.get('dpop-nonce')!;
  };

  it('binds the demo client\'s tokens to the key, and takes them with a proof of it that carries its nonce', async () => {
    const keys = await dpopKeys();
    const tokens = await signIn(server, 'ada@example.com', 'ada-demo', { ...demo(), dpop: keys });
    assert.equal(tokens.token_type, 'DPoP');
    // RFC 9449 §9: a proof made without the server's nonce (in advance) is refused, and the answer names the nonce.
    const first = await api(server, undefined)('GET', '/me', undefined, { authorization: `DPoP ${tokens.access_token}`, dpop: await dpopProof(keys, 'GET', me(), tokens.access_token) });
    assert.equal(first.status, 401);
    assert.match(first.headers.get('www-authenticate')!, /^DPoP .*error="use_dpop_nonce"/);
    const nonce = first.headers.get('dpop-nonce');
    assert.ok(nonce);
    const res = await api(server, undefined)('GET', '/me', undefined, { authorization: `DPoP ${tokens.access_token}`, dpop: await dpopProof(keys, 'GET', me(), tokens.access_token, { nonce }) });
    assert.equal(res.status, 200);
    assert.equal(res.body!.sub, 'ada');
    assert.equal(res.headers.get('dpop-nonce'), nonce, 'every answer carries the current nonce, so the client keeps it fresh');
    const made = await dpopProof(keys, 'GET', me(), tokens.access_token, { nonce: 'made-up' });
    assert.equal((await api(server, undefined)('GET', '/me', undefined, { authorization: `DPoP ${tokens.access_token}`, dpop: made })).status, 401);
  });

  it('shares one nonce with the token endpoint on the same origin: a refresh with the API\'s nonce works, and the API takes the nonce the token endpoint hands out', async () => {
    const keys = await dpopKeys();
    const tokens = await signIn(server, 'ada@example.com', 'ada-demo', { ...demo(), scope: 'openid offline_access grantkit:admin', dpop: keys });
    const nonce = await nonceFor(keys, tokens.access_token);
    // A client keeps one nonce per origin (RFC 9449 §8.1): its next proof at /token carries the API's.
    const refreshed = await fetch(`${server.origin}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', dpop: await dpopProof(keys, 'POST', `${server.origin}/token`, undefined, { nonce }) },
      body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token!, client_id: 'grantkit-demo-dpop' }),
    });
    const body = (await refreshed.json()) as { access_token?: string; error?: string; error_description?: string };
    assert.equal(refreshed.status, 200, JSON.stringify(body));
    // And the other way: the nonce the token endpoint hands out (to a proof with a stale one) is good at the API.
    const refused = await fetch(`${server.origin}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', dpop: await dpopProof(keys, 'POST', `${server.origin}/token`, undefined, { nonce: 'stale' }) },
      body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: 'unused', client_id: 'grantkit-demo-dpop' }),
    });
    assert.equal(((await refused.json()) as { error: string }).error, 'use_dpop_nonce');
    const fromTokenEndpoint = refused.headers.get('dpop-nonce');
    assert.ok(fromTokenEndpoint, 'the token endpoint names its nonce');
    const res = await api(server, undefined)('GET', '/me', undefined, { authorization: `DPoP ${body.access_token}`, dpop: await dpopProof(keys, 'GET', me(), body.access_token!, { nonce: fromTokenEndpoint }) });
    assert.equal(res.status, 200);
  });

  it('will not issue the demo client a token without a proof', async () => {
    await assert.rejects(signIn(server, 'ada@example.com', 'ada-demo', demo()), /token exchange failed: 400/);
  });

  it('refuses a copy of the token: as bearer, without a proof, with another key, another URL or method, another token, or a replayed proof', async () => {
    const keys = await dpopKeys();
    const tokens = await signIn(server, 'ada@example.com', 'ada-demo', { ...demo(), dpop: keys });
    const token = tokens.access_token;
    const thief = await dpopKeys();
    const nonce = await nonceFor(keys, token);
    const dpopProof = (k: DPoPKeys, method: string, url: string, accessToken: string) => proofWith(k, method, url, accessToken, { nonce });
    const replayed = await dpopProof(keys, 'GET', me(), token);
    assert.equal((await api(server, undefined)('GET', '/me', undefined, { authorization: `DPoP ${token}`, dpop: replayed })).status, 200);
    const attempts: Array<[string, Record<string, string>]> = [
      ['as a bearer token', { authorization: `Bearer ${token}` }],
      ['without a proof', { authorization: `DPoP ${token}` }],
      ['with a proof of another key', { authorization: `DPoP ${token}`, dpop: await dpopProof(thief, 'GET', me(), token) }],
      ['with a proof for another URL', { authorization: `DPoP ${token}`, dpop: await dpopProof(keys, 'GET', `${server.origin}/admin/v1/integrations`, token) }],
      ['with a proof for another method', { authorization: `DPoP ${token}`, dpop: await dpopProof(keys, 'POST', me(), token) }],
      ['with a proof for another token', { authorization: `DPoP ${token}`, dpop: await dpopProof(keys, 'GET', me(), 'another') }],
      ['with a replayed proof', { authorization: `DPoP ${token}`, dpop: replayed }],
    ];
    for (const [name, headers] of attempts) {
      const res = await api(server, undefined)('GET', '/me', undefined, headers);
      assert.equal(res.status, 401, name);
      assert.match(res.headers.get('www-authenticate')!, /^DPoP /, name);
    }
  });

  it('refuses an unbound token sent as DPoP', async () => {
    const res = await api(server, undefined)('GET', '/me', undefined, { authorization: `DPoP ${adminToken}`, dpop: await dpopProof(await dpopKeys(), 'GET', me(), adminToken) });
    assert.equal(res.status, 401);
  });
});

describe('integrations', () => {
  it('lets viewers read but not write', async () => {
    const list = await api(server, viewerToken)('GET', '/integrations');
    assert.equal(list.status, 200);
    const create = await api(server, viewerToken)('POST', '/integrations', confidential('Viewer attempt'));
    assert.equal(create.status, 403);
    assert.equal(create.body!.code, 'forbidden');
    assert.match(create.body!.detail, /admin/);
  });

  it('creates a confidential integration, shows its secret once, and keeps only the last four characters', async () => {
    const admin = api(server, adminToken);
    const created = await admin('POST', '/integrations', confidential('Warehouse Robot', { description: 'Moves pallets' }));
    assert.equal(created.status, 201);
    assert.match(created.body!.client_secret, /^gks_/);
    assert.equal(created.body!.client_type, 'confidential');
    assert.equal(created.body!.client_secret_last4, created.body!.client_secret.slice(-4));
    const read = await admin('GET', `/integrations/${created.body!.client_id}`);
    assert.equal(read.status, 200);
    assert.equal(read.body!.client_secret, undefined);
    assert.ok(!(await databaseText(server)).includes(created.body!.client_secret));
  });

  it('creates a public integration without a secret', async () => {
    const created = await api(server, adminToken)('POST', '/integrations', {
      client_name: 'Field App', version: '3', token_endpoint_auth_method: 'none',
      grant_types: ['authorization_code', 'refresh_token'], redirect_uris: ['https://field.example.com/cb'],
    });
    assert.equal(created.status, 201);
    assert.equal(created.body!.client_secret, undefined);
    assert.equal(created.body!.client_secret_last4, null);
  });

  it('refuses a duplicate name and version, ignoring case, on the name field', async () => {
    const admin = api(server, adminToken);
    await admin('POST', '/integrations', confidential('Label Printer'));
    const again = await admin('POST', '/integrations', confidential('LABEL printer'));
    assert.equal(again.status, 409);
    assert.equal(again.body!.code, 'duplicate_name');
    assert.deepEqual(again.body!.errors.map((e: { path: string }) => e.path), ['/body/client_name']);
    const otherVersion = await admin('POST', '/integrations', confidential('Label Printer', { version: '2.0' }));
    assert.equal(otherVersion.status, 201);
  });

  it('names every invalid field, and rejects unknown ones', async () => {
    const res = await api(server, adminToken)('POST', '/integrations', {
      client_name: 'Bad', version: 'has space', token_endpoint_auth_method: 'none',
      grant_types: ['authorization_code', 'password'],
      // Found by the browser fuzz: the last two match the pattern but are no URL a browser can parse.
      redirect_uris: ['http://evil.example/cb', 'https://ok.example/cb#frag', 'https://localhost:x/cb', 'http://127.0.0.1:99999/cb'],
      client_secret: 'chosen-by-caller',
    });
    assert.equal(res.status, 400);
    assert.equal(res.body!.code, 'validation_failed');
    const paths = res.body!.errors.map((e: { path: string }) => e.path).sort();
    assert.deepEqual(paths, [
      '/body/client_secret', '/body/grant_types/1', '/body/redirect_uris/0', '/body/redirect_uris/1', '/body/redirect_uris/2', '/body/redirect_uris/3', '/body/version',
    ]);
  });

  it('requires a redirect URI for the authorization code grant', async () => {
    const res = await api(server, adminToken)('POST', '/integrations', confidential('No Redirect', { grant_types: ['authorization_code'] }));
    assert.equal(res.status, 400);
    assert.deepEqual(res.body!.errors.map((e: { path: string }) => e.path), ['/body/redirect_uris']);
  });

  it('answers malformed bodies with 400, never 500', async () => {
    const admin = api(server, adminToken);
    for (const body of ['{', '[]', 'null', '"text"', '{"client_name": 1}']) {
      const res = await admin('POST', '/integrations', body);
      assert.equal(res.status, 400, body);
    }
    const wrongType = await admin('POST', '/integrations', 'client_name=x', { 'content-type': 'application/x-www-form-urlencoded' });
    assert.equal(wrongType.status, 400);
  });

  it('filters integrations by status and type, and sorts them by name or by age', async () => {
    const admin = api(server, adminToken);
    const tag = `sorted${Date.now()}`;
    const made: string[] = [];
    for (const [n, auth] of [['b', 'none'], ['A', 'client_secret_basic'], ['c', 'none']] as const) {
      const extra = auth === 'none' ? { grant_types: ['authorization_code'], redirect_uris: ['https://x.example/cb'] } : {};
      made.push((await admin('POST', '/integrations', confidential(`${n} ${tag}`, { token_endpoint_auth_method: auth, ...extra }))).body!.client_id);
    }
    await admin('POST', `/integrations/${made[2]}/deactivate`);
    const names = async (query: string) => (await admin('GET', `/integrations?q=${tag}&${query}`)).body!.items.map((i: { client_name: string }) => i.client_name.split(' ')[0]);
    assert.deepEqual(await names(''), ['c', 'A', 'b'], 'newest first by default');
    assert.deepEqual(await names('sort=oldest'), ['b', 'A', 'c']);
    assert.deepEqual(await names('sort=name'), ['A', 'b', 'c'], 'by name, case ignored');
    assert.deepEqual(await names('client_type=public&sort=name'), ['b', 'c']);
    assert.deepEqual(await names('client_type=confidential'), ['A']);
    assert.deepEqual(await names('status=inactive'), ['c']);
    assert.deepEqual(await names('status=active&client_type=public'), ['b']);
    const first = await admin('GET', `/integrations?q=${tag}&sort=name&limit=1`);
    const wrongOrder = await admin('GET', `/integrations?q=${tag}&sort=newest&cursor=${first.body!.next_cursor}`);
    assert.equal(wrongOrder.status, 400, 'a cursor belongs to its order');
    assert.deepEqual(wrongOrder.body!.errors.map((e: { path: string }) => e.path), ['/query/cursor']);
    const oldestPage = await admin('GET', `/integrations?q=${tag}&sort=oldest&limit=1`);
    const newestPage = await admin('GET', `/integrations?q=${tag}&limit=1`);
    assert.equal((await admin('GET', `/integrations?q=${tag}&sort=newest&cursor=${oldestPage.body!.next_cursor}`)).status, 400, 'an oldest-first cursor is not a newest-first one');
    assert.equal((await admin('GET', `/integrations?q=${tag}&sort=oldest&cursor=${newestPage.body!.next_cursor}`)).status, 400, 'nor the other way round');
    // A name cursor whose JSON spells a NUL: refused as any cursor not issued here, not a 500 from the database.
    for (const key of ['["a\\u0000","b","c"]', '["a","b","c\\u0000"]']) {
      const forged = await admin('GET', `/integrations?sort=name&cursor=${Buffer.from(key).toString('base64url')}`);
      assert.equal(forged.status, 400, key);
      assert.deepEqual(forged.body!.errors.map((e: { path: string }) => e.path), ['/query/cursor']);
    }
    assert.equal((await admin('GET', '/integrations?sort=random')).status, 400);
    assert.equal((await admin('GET', '/integrations?client_type=secret')).status, 400);
  });

  it('searches, filters and pages with a cursor, without repeats or gaps', async () => {
    const admin = api(server, adminToken);
    const names = Array.from({ length: 23 }, (_, i) => `Paging Probe ${String(i).padStart(2, '0')}`);
    for (const name of names) assert.equal((await admin('POST', '/integrations', confidential(name))).status, 201);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await admin('GET', `/integrations?q=paging%20probe&limit=10${cursor ? `&cursor=${cursor}` : ''}`);
      assert.equal(res.status, 200);
      seen.push(...res.body!.items.map((i: { client_name: string }) => i.client_name));
      cursor = res.body!.next_cursor;
      pages++;
    } while (cursor);
    assert.equal(pages, 3);
    assert.deepEqual([...seen].sort(), names);
    assert.deepEqual(seen, [...names].reverse(), 'newest first');
    const inactive = await admin('GET', '/integrations?status=inactive');
    assert.ok(inactive.body!.items.every((i: { status: string }) => i.status === 'inactive'));
    assert.equal((await admin('GET', '/integrations?cursor=%%%')).status, 400);
    assert.equal((await admin('GET', '/integrations?limit=1000')).status, 400);
    assert.equal((await admin('GET', '/integrations?sort=size')).status, 400, 'an order the document does not offer');
  });

  it('updates fields, keeping the rules that span them', async () => {
    const admin = api(server, adminToken);
    const created = await admin('POST', '/integrations', confidential('Updater', { audience: 'https://api.example.com' }));
    const id = created.body!.client_id;
    const patched = await admin('PATCH', `/integrations/${id}`, { access_token_lifetime: null, refresh_count: 5, audience: null });
    assert.equal(patched.status, 200);
    assert.equal(patched.body!.access_token_lifetime, null);
    assert.equal(patched.body!.refresh_count, 5);
    assert.equal(patched.body!.audience, undefined);
    // A service (what a confidential client-credentials integration is): the code grant needs a
    // callback URL, and is none of a service's.
    const broken = await admin('PATCH', `/integrations/${id}`, { grant_types: ['authorization_code'] });
    assert.equal(broken.status, 400);
    assert.deepEqual(broken.body!.errors.map((e: { path: string }) => e.path), ['/body/redirect_uris', '/body/grant_types/0']);
    const renamed = await admin('PATCH', `/integrations/${id}`, { client_name: 'New name' });
    assert.equal(renamed.status, 400);
    assert.equal((await admin('PATCH', '/integrations/gk_missing', { description: 'x' })).status, 404);
  });

  it('lists the endpoints an integration needs', async () => {
    const res = await api(server, viewerToken)('GET', '/integrations/gk_erp_connector/endpoints');
    assert.equal(res.status, 200);
    assert.equal(res.body!.token_endpoint, `${server.origin}/token`);
    assert.equal(res.body!.issuer, server.origin);
  });
});

describe('integrations are real clients of the authorization server', () => {
  it('a new confidential integration gets tokens at once', async () => {
    const created = await api(server, adminToken)('POST', '/integrations', confidential('Token Getter'));
    const token = await clientCredentials(server, created.body!.client_id, created.body!.client_secret);
    assert.equal(token.status, 200, JSON.stringify(token.body));
    assert.ok(token.body.access_token);
    assert.equal((await clientCredentials(server, created.body!.client_id, 'gks_wrong')).status, 401);
  });

  it('rotation makes the old secret fail at once and the new one work', async () => {
    const admin = api(server, adminToken);
    const created = await admin('POST', '/integrations', confidential('Rotator'));
    const id = created.body!.client_id;
    const rotated = await admin('POST', `/integrations/${id}/secret`);
    assert.equal(rotated.status, 200);
    assert.notEqual(rotated.body!.client_secret, created.body!.client_secret);
    assert.equal(rotated.body!.previous_secret_expires_at, null);
    const old = await clientCredentials(server, id, created.body!.client_secret);
    assert.equal(old.status, 401);
    assert.equal(old.body.error, 'invalid_client');
    assert.equal((await clientCredentials(server, id, rotated.body!.client_secret)).status, 200);
  });

  it('rotation with a grace period keeps the old secret until it ends', async () => {
    const admin = api(server, adminToken);
    const created = await admin('POST', '/integrations', confidential('Graceful'));
    const id = created.body!.client_id;
    const rotated = await admin('POST', `/integrations/${id}/secret`, { grace_period_seconds: 2 });
    assert.ok(rotated.body!.previous_secret_expires_at);
    assert.equal((await clientCredentials(server, id, created.body!.client_secret)).status, 200);
    assert.equal((await clientCredentials(server, id, rotated.body!.client_secret)).status, 200);
    await new Promise((resolve) => setTimeout(resolve, 2200));
    assert.equal((await clientCredentials(server, id, created.body!.client_secret)).status, 401);
    assert.equal((await clientCredentials(server, id, rotated.body!.client_secret)).status, 200);
  });

  it('ending the grace period refuses the old secret at once, keeps the new one, and is idempotent', async () => {
    const admin = api(server, adminToken);
    const created = await admin('POST', '/integrations', confidential('Cut Short'));
    const id = created.body!.client_id;
    const rotated = await admin('POST', `/integrations/${id}/secret`, { grace_period_seconds: 3600 });
    assert.equal((await admin('GET', `/integrations/${id}`)).body!.previous_secret_expires_at, rotated.body!.previous_secret_expires_at);
    assert.equal((await clientCredentials(server, id, created.body!.client_secret)).status, 200, 'still in its grace period');

    const ended = await admin('DELETE', `/integrations/${id}/secret/previous`);
    assert.equal(ended.status, 200);
    assert.equal(ended.body!.previous_secret_expires_at, null);
    assert.equal(ended.body!.client_secret_last4, rotated.body!.client_secret_last4);
    assert.equal((await clientCredentials(server, id, created.body!.client_secret)).status, 401);
    assert.equal((await clientCredentials(server, id, rotated.body!.client_secret)).status, 200);
    const again = await admin('DELETE', `/integrations/${id}/secret/previous`);
    assert.equal(again.status, 200, 'a second click (or a second admin) is not an error');
    assert.equal(again.body!.previous_secret_expires_at, null);
  });

  it('ending the grace period is for writers: a viewer is refused and the old secret keeps working', async () => {
    const admin = api(server, adminToken);
    const created = await admin('POST', '/integrations', confidential('Viewer Cannot Cut'));
    const id = created.body!.client_id;
    await admin('POST', `/integrations/${id}/secret`, { grace_period_seconds: 3600 });
    const refused = await api(server, viewerToken)('DELETE', `/integrations/${id}/secret/previous`);
    assert.equal(refused.status, 403);
    assert.equal(refused.body!.code, 'forbidden');
    assert.equal((await clientCredentials(server, id, created.body!.client_secret)).status, 200);
    assert.equal((await admin('DELETE', '/integrations/gk_no_such/secret/previous')).body!.code, 'not_found');
    assert.equal((await admin('DELETE', '/integrations/gk_reporting_dashboard/secret/previous')).body!.code, 'no_secret');
  });

  it('a public integration has no secret to rotate', async () => {
    const res = await api(server, adminToken)('POST', '/integrations/gk_reporting_dashboard/secret');
    assert.equal(res.status, 409);
    assert.equal(res.body!.code, 'no_secret');
  });

  it('deactivating stops token requests and ends issued tokens; activating restores requests', async () => {
    const admin = api(server, adminToken);
    const created = await admin('POST', '/integrations', confidential('Switchable'));
    const id = created.body!.client_id;
    const issued = await clientCredentials(server, id, created.body!.client_secret);
    // Only the token's own client may introspect it (RFC 7662 §4).
    const introspect = async (token: string) => {
      const res = await fetch(`${server.origin}/token/introspection`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          authorization: `Basic ${Buffer.from(`${id}:${created.body!.client_secret}`).toString('base64')}`,
        },
        body: new URLSearchParams({ token }),
      });
      return { status: res.status, ...((await res.json()) as { active?: boolean }) };
    };
    assert.equal((await introspect(issued.body.access_token)).active, true);

    assert.equal((await admin('POST', `/integrations/${id}/deactivate`)).body!.status, 'inactive');
    assert.equal((await clientCredentials(server, id, created.body!.client_secret)).status, 401);
    assert.equal((await introspect(issued.body.access_token)).status, 401, 'an inactive integration cannot even ask');

    assert.equal((await admin('POST', `/integrations/${id}/activate`)).body!.status, 'active');
    assert.equal((await clientCredentials(server, id, created.body!.client_secret)).status, 200);
    assert.equal((await introspect(issued.body.access_token)).active, false, 'the token issued before deactivation stays dead');
  });

  it('deleting revokes every token and forgets the client', async () => {
    const admin = api(server, adminToken);
    const created = await admin('POST', '/integrations', confidential('Doomed'));
    const id = created.body!.client_id;
    await clientCredentials(server, id, created.body!.client_secret);
    assert.equal((await admin('DELETE', `/integrations/${id}`)).status, 204);
    assert.equal((await admin('GET', `/integrations/${id}`)).status, 404);
    assert.equal((await clientCredentials(server, id, created.body!.client_secret)).status, 401);
    assert.equal((await server.db.query("select 1 from oidc_entries where model = 'ClientCredentials' and client_id = $1", [id])).length, 0);
  });
});

describe('scopes', () => {
  it('creates, reads, updates and lists scopes; names are unique ignoring case', async () => {
    const admin = api(server, adminToken);
    const created = await admin('POST', '/scopes', { name: 'inventory:read', description: 'Stock levels', service_urls: ['/api/inventory/*', '/api/stock'] });
    assert.equal(created.status, 201);
    assert.equal(created.body!.integration_count, 0);
    assert.equal((await admin('POST', '/scopes', { name: 'INVENTORY:read' })).body!.code, 'duplicate_name');
    assert.equal((await admin('GET', '/scopes/Inventory:Read')).body!.name, 'inventory:read');
    const updated = await admin('PATCH', '/scopes/inventory:read', { service_urls: ['/api/inventory/*'] });
    assert.deepEqual(updated.body!.service_urls, ['/api/inventory/*']);
    const list = await admin('GET', '/scopes?q=inventory');
    assert.deepEqual(list.body!.items.map((s: { name: string }) => s.name), ['inventory:read']);
  });

  it('refuses service URLs that are not relative, or put the wildcard anywhere but the end', async () => {
    const res = await api(server, adminToken)('POST', '/scopes', { name: 'bad-urls', service_urls: ['https://x.example/api', '/api/*/items', 'api/x'] });
    assert.equal(res.status, 400);
    assert.deepEqual(res.body!.errors.map((e: { path: string }) => e.path), ['/body/service_urls/0', '/body/service_urls/1', '/body/service_urls/2']);
  });

  it('associates scopes with an integration, and refuses to delete a scope in use', async () => {
    const admin = api(server, adminToken);
    await admin('POST', '/scopes', { name: 'labels:print' });
    const created = await admin('POST', '/integrations', confidential('Scoped Client'));
    const id = created.body!.client_id;
    assert.equal((await admin('PUT', `/integrations/${id}/scopes/labels:print`)).status, 204);
    assert.equal((await admin('PUT', `/integrations/${id}/scopes/labels:print`)).status, 204, 'idempotent');
    assert.equal((await admin('GET', `/integrations/${id}`)).body!.scope, 'labels:print');
    assert.equal((await admin('GET', '/scopes/labels:print')).body!.integration_count, 1);
    const refused = await admin('DELETE', '/scopes/labels:print');
    assert.equal(refused.status, 409);
    assert.equal(refused.body!.code, 'scope_in_use');
    assert.match(refused.body!.detail, /Scoped Client 1\.0/);
    assert.deepEqual(refused.body!.in_use, { integration_count: 1, integrations: [{ client_id: id, client_name: 'Scoped Client', version: '1.0' }], live_tokens: false });
    assert.equal((await admin('DELETE', `/integrations/${id}/scopes/labels:print`)).status, 204);
    assert.equal((await admin('DELETE', '/scopes/labels:print')).status, 204);
    assert.equal((await admin('PUT', `/integrations/${id}/scopes/no-such-scope`)).status, 404);
  });

  it('the token endpoint grants associated scopes and refuses others with invalid_scope', async () => {
    const admin = api(server, adminToken);
    await admin('POST', '/scopes', { name: 'pallets:move' });
    await admin('POST', '/scopes', { name: 'pallets:delete' });
    const created = await admin('POST', '/integrations', confidential('Pallet Mover'));
    const id = created.body!.client_id;
    await admin('PUT', `/integrations/${id}/scopes/pallets:move`);
    const granted = await clientCredentials(server, id, created.body!.client_secret, 'pallets:move');
    assert.equal(granted.status, 200, JSON.stringify(granted.body));
    assert.equal(granted.body.scope, 'pallets:move');
    const refused = await clientCredentials(server, id, created.body!.client_secret, 'pallets:delete');
    assert.equal(refused.status, 400);
    assert.equal(refused.body.error, 'invalid_scope');
    const invented = await clientCredentials(server, id, created.body!.client_secret, 'made-up:scope');
    assert.equal(invented.body.error, 'invalid_scope');
    // A scope that live tokens carry cannot be deleted either.
    await admin('DELETE', `/integrations/${id}/scopes/pallets:move`);
    const stillCarried = await admin('DELETE', '/scopes/pallets:move');
    assert.equal(stillCarried.body!.code, 'scope_in_use');
    assert.deepEqual(stillCarried.body!.in_use, { integration_count: 0, integrations: [], live_tokens: true });
  });

  it('a scope in use names its integrations only to a caller who may read integrations', async () => {
    const admin = api(server, adminToken);
    await admin('POST', '/scopes', { name: 'guarded:scope' });
    const id = (await admin('POST', '/integrations', confidential('Secret Holder Inc'))).body!.client_id as string;
    await admin('PUT', `/integrations/${id}/scopes/guarded:scope`);
    const scopesOnly = await admin('POST', '/personal-tokens', { name: 'scopes only', scope: ['scopes:read', 'scopes:write'], expires_in_days: 1 });
    const script = api(server, scopesOnly.body!.token);
    assert.equal((await script('GET', '/integrations')).status, 403, 'it may not list integrations');
    const refused = await script('DELETE', '/scopes/guarded:scope');
    assert.equal(refused.body!.code, 'scope_in_use');
    assert.deepEqual(refused.body!.in_use, { integration_count: 1, integrations: [], live_tokens: false });
    assert.ok(!JSON.stringify(refused.body).includes('Secret Holder') && !JSON.stringify(refused.body).includes(id), 'neither the name nor the id');
    assert.deepEqual((await admin('DELETE', '/scopes/guarded:scope')).body!.in_use.integrations.map((i: { client_id: string }) => i.client_id), [id]);
  });

  it('a scope in use by many integrations names the first ten of them and counts them all', async () => {
    const admin = api(server, adminToken);
    await admin('POST', '/scopes', { name: 'crowded:scope' });
    const ids: string[] = [];
    for (let n = 1; n <= 12; n++) {
      const id = (await admin('POST', '/integrations', confidential('Crowd', { version: `${n}.0` }))).body!.client_id as string;
      await admin('PUT', `/integrations/${id}/scopes/crowded:scope`);
      ids.push(id);
    }
    const refused = await admin('DELETE', '/scopes/crowded:scope');
    assert.equal(refused.body!.in_use.integration_count, 12);
    assert.deepEqual(refused.body!.in_use.integrations.map((i: { client_id: string }) => i.client_id), ids.slice(0, 10));
  });
});

describe('issued tokens', () => {
  /** A public integration used by a real sign-in, with this refresh count and lifetime. */
  async function signedInThrough(name: string, settings: { refresh_count: number | null; access_token_lifetime: number | null }) {
    const admin = api(server, adminToken);
    await admin('POST', '/scopes', { name: `${name}:read` });
    const created = await admin('POST', '/integrations', {
      client_name: name, version: '1', token_endpoint_auth_method: 'none',
      grant_types: ['authorization_code', 'refresh_token'], redirect_uris: ['http://127.0.0.1:9/callback'], ...settings,
    });
    const id = created.body!.client_id as string;
    await admin('PUT', `/integrations/${id}/scopes/${name}:read`);
    // A refresh count of 0 means the integration may not ask for offline_access at all.
    const offline = settings.refresh_count === 0 ? '' : ' offline_access';
    const tokens = await signIn(server, 'vic@example.com', 'vic-demo', { clientId: id, redirectUri: 'http://127.0.0.1:9/callback', scope: `openid${offline} ${name}:read` }, { params: { prompt: 'consent' } });
    return { id, tokens };
  }

  it('enforces the refresh count: N refreshes work, the next is invalid_grant', async () => {
    const { id, tokens } = await signedInThrough('counted', { refresh_count: 2, access_token_lifetime: 3600 });
    assert.equal(tokens.scope?.split(' ').includes('counted:read'), true, tokens.scope);
    let refreshToken = tokens.refresh_token!;
    for (let i = 0; i < 2; i++) {
      const res = await refresh(server, id, refreshToken);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      refreshToken = res.body.refresh_token;
    }
    const third = await refresh(server, id, refreshToken);
    assert.equal(third.status, 400);
    assert.equal(third.body.error, 'invalid_grant');
  });

  it('issues no refresh token when the refresh count is 0, and honours the token lifetime', async () => {
    const { tokens } = await signedInThrough('norefresh', { refresh_count: 0, access_token_lifetime: 120 });
    assert.equal(tokens.refresh_token, undefined);
    assert.equal(tokens.expires_in, 120);
  });

  it("revokes every token of one integration at once, and no other integration's", async () => {
    const admin = api(server, adminToken);
    const target = await signedInThrough('revoked-all', { refresh_count: null, access_token_lifetime: 600 });
    const bystander = await signedInThrough('bystander', { refresh_count: null, access_token_lifetime: 600 });
    assert.equal((await admin('GET', `/tokens?client_id=${target.id}`)).body!.items.length, 1);
    assert.equal((await api(server, viewerToken)('DELETE', `/integrations/${target.id}/tokens`)).status, 403, 'a viewer may not');
    assert.equal((await refresh(server, target.id, target.tokens.refresh_token!)).status, 200, 'still live after the refused attempt');

    assert.equal((await admin('DELETE', `/integrations/${target.id}/tokens`)).status, 204);
    assert.deepEqual((await admin('GET', `/tokens?client_id=${target.id}`)).body!.items, []);
    assert.equal((await refresh(server, target.id, target.tokens.refresh_token!)).body.error, 'invalid_grant');
    assert.equal((await refresh(server, bystander.id, bystander.tokens.refresh_token!)).status, 200, "the other integration's users stay signed in");
    assert.equal((await admin('GET', `/integrations/${target.id}`)).body!.status, 'active', 'the integration itself stays as it was');
    assert.equal((await admin('DELETE', '/integrations/gk_no_such/tokens')).body!.code, 'not_found');
  });

  it('lists tokens with expiry, "Lifetime" and remaining refreshes, filtered, and revokes them', async () => {
    const admin = api(server, adminToken);
    const limited = await signedInThrough('listed', { refresh_count: 3, access_token_lifetime: 600 });
    const refreshed = await refresh(server, limited.id, limited.tokens.refresh_token!);
    const forever = await signedInThrough('forever', { refresh_count: null, access_token_lifetime: null });

    const one = await admin('GET', `/tokens?client_id=${limited.id}`);
    assert.equal(one.status, 200);
    assert.equal(one.body!.items.length, 1);
    const item = one.body!.items[0];
    assert.equal(item.subject, 'vic');
    assert.equal(item.expired, false);
    assert.ok(Date.parse(item.expires_at) > Date.now());
    assert.equal(item.refresh_count_remaining, 2);

    const lifetime = (await admin('GET', `/tokens?client_id=${forever.id}`)).body!.items[0];
    assert.equal(lifetime.expires_at, null);
    assert.equal(lifetime.refresh_count_remaining, null);

    const bySubject = await admin('GET', '/tokens?subject=vic&limit=100');
    assert.ok(bySubject.body!.items.length >= 2);
    assert.ok(bySubject.body!.items.every((t: { subject: string }) => t.subject === 'vic'));

    assert.equal((await admin('DELETE', `/tokens/${item.id}`)).status, 204);
    assert.equal((await admin('GET', `/tokens?client_id=${limited.id}`)).body!.items.length, 0);
    // The live refresh token of that sign-in is revoked too.
    assert.equal((await refresh(server, limited.id, refreshed.body.refresh_token)).body.error, 'invalid_grant');
    assert.equal((await admin('DELETE', `/tokens/${item.id}`)).status, 404);
    assert.equal((await api(server, viewerToken)('DELETE', `/tokens/${lifetime.id}`)).status, 403);
  });
});

describe('personal access tokens', () => {
  it('creates a token shown once, which then works as a bearer token with what it was given', async () => {
    const admin = api(server, adminToken);
    const created = await admin('POST', '/personal-tokens', { name: 'nightly report script', scope: ['integrations:read'], expires_in_days: 30 });
    assert.equal(created.status, 201);
    assert.match(created.body!.token, /^gkpat_/);
    assert.equal(created.body!.last4, created.body!.token.slice(-4));
    const listed = await admin('GET', '/personal-tokens');
    assert.equal(listed.body!.items.find((t: { id: string }) => t.id === created.body!.id).token, undefined);
    assert.ok(!(await databaseText(server)).includes(created.body!.token));

    const script = api(server, created.body!.token);
    const me = await script('GET', '/me');
    assert.equal(me.body!.auth, 'personal_token');
    assert.deepEqual(me.body!.permissions, ['integrations:read']);
    assert.equal((await script('GET', '/integrations')).status, 200);
    // An admin's token limited to reading cannot write.
    assert.equal((await script('POST', '/scopes', { name: 'via-pat' })).status, 403);
    // Nor mint another token.
    assert.equal((await script('POST', '/personal-tokens', { name: 'child', expires_in_days: 1 })).status, 403);

    assert.equal((await admin('DELETE', `/personal-tokens/${created.body!.id}`)).status, 204);
    assert.equal((await script('GET', '/me')).status, 401);
  });

  it('never gives a token more than its creator has', async () => {
    const viewer = api(server, viewerToken);
    const asAdmin = await viewer('POST', '/personal-tokens', { name: 'sneaky', roles: ['admin'], expires_in_days: 1 });
    assert.equal(asAdmin.status, 403);
    const writes = await viewer('POST', '/personal-tokens', { name: 'sneaky 2', scope: ['integrations:write'], expires_in_days: 1 });
    assert.equal(writes.status, 400);
    assert.deepEqual(writes.body!.errors.map((e: { path: string }) => e.path), ['/body/scope/0']);
    const fine = await viewer('POST', '/personal-tokens', { name: 'viewer script', expires_in_days: 1 });
    assert.equal(fine.status, 201);
    assert.deepEqual(fine.body!.roles, ['viewer']);
    // Someone else's token is not yours to revoke.
    assert.equal((await api(server, adminToken)('DELETE', `/personal-tokens/${fine.body!.id}`)).status, 404);
  });

  it('refuses a token with no permissions', async () => {
    const res = await api(server, adminToken)('POST', '/personal-tokens', { name: 'can do nothing', scope: [], expires_in_days: 1 });
    assert.equal(res.status, 400);
    assert.deepEqual(res.body!.errors.map((e: { path: string }) => e.path), ['/body/scope']);
  });

  it('regenerates a token: a new value shown once, the old one refused at once, the same name and permissions, the lifetime started again', async () => {
    const admin = api(server, adminToken);
    const created = (await admin('POST', '/personal-tokens', { name: 'regenerated script', scope: ['integrations:read', 'scopes:read'], expires_in_days: 30 })).body!;
    await api(server, created.token)('GET', '/me');
    // As if made 20 days ago: a regeneration gives it 30 days from now, not 10.
    await server.db.query("update personal_tokens set issued_at = issued_at - interval '20 days', expires_at = expires_at - interval '20 days' where id = $1", [created.id]);
    const regenerated = await admin('POST', `/personal-tokens/${created.id}/regenerate`);
    assert.equal(regenerated.status, 200, JSON.stringify(regenerated.body));
    const body = regenerated.body!;
    assert.notEqual(body.token, created.token);
    assert.equal(body.last4, body.token.slice(-4));
    assert.deepEqual([body.id, body.name, body.scope, body.roles, body.created_at], [created.id, created.name, created.scope, created.roles, created.created_at]);
    assert.equal(body.last_used_at, null, 'the new value has not been used');
    assert.ok(Date.parse(body.issued_at) > Date.parse(body.created_at), 'issued now, created before');
    const days = (Date.parse(body.expires_at) - Date.now()) / 86_400_000;
    assert.ok(days > 29.9 && days <= 30, `expires in ${days} days`);
    assert.equal((await api(server, created.token)('GET', '/me')).status, 401, 'the old value stops working at once');
    const me = await api(server, body.token)('GET', '/me');
    assert.deepEqual(me.body!.permissions, ['integrations:read', 'scopes:read']);
    assert.ok(!(await databaseText(server)).includes(body.token), 'the value is not stored');
    const listed = (await admin('GET', '/personal-tokens?limit=100')).body!.items.filter((t: { id: string }) => t.id === created.id);
    assert.equal(listed.length, 1);
    assert.equal(listed[0].token, undefined);

    const shorter = await admin('POST', `/personal-tokens/${created.id}/regenerate`, { expires_in_days: 7 });
    assert.ok(Math.abs(Date.parse(shorter.body!.expires_at) - Date.now() - 7 * 86_400_000) < 60_000, 'a new lifetime when asked');
    assert.equal((await api(server, viewerToken)('POST', `/personal-tokens/${created.id}/regenerate`)).status, 404, "someone else's token is not found");
    assert.equal((await admin('POST', `/personal-tokens/${created.id}/regenerate`, { expires_in_days: 0 })).status, 400);
    assert.equal((await admin('POST', '/personal-tokens/pat_missingmissing/regenerate')).status, 404);
  });

  it('refuses an expired personal token', async () => {
    const created = await api(server, adminToken)('POST', '/personal-tokens', { name: 'short lived', expires_in_days: 1 });
    await server.db.query('update personal_tokens set expires_at = $2 where id = $1', [created.body!.id, new Date(Date.now() - 1000)]);
    const res = await api(server, created.body!.token)('GET', '/me');
    assert.equal(res.status, 401);
    assert.match(res.headers.get('www-authenticate')!, /invalid_token/);
  });

  it('requires an expiry and a name', async () => {
    const res = await api(server, adminToken)('POST', '/personal-tokens', { name: ' ' });
    assert.equal(res.status, 400);
    assert.deepEqual(res.body!.errors.map((e: { path: string }) => e.path).sort(), ['/body/expires_in_days', '/body/name']);
  });
});

describe('revocation', () => {
  it('only the client a token was issued to can revoke it', async () => {
    const admin = api(server, adminToken);
    const owner = (await admin('POST', '/integrations', confidential('Token Owner'))).body!;
    const other = (await admin('POST', '/integrations', confidential('Token Other'))).body!;
    const token = (await clientCredentials(server, owner.client_id, owner.client_secret)).body.access_token as string;
    const basic = (c: Record<string, string>) => `Basic ${Buffer.from(`${c.client_id}:${c.client_secret}`).toString('base64')}`;
    const post = (path: string, as: Record<string, string>) =>
      fetch(`${server.origin}${path}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: basic(as) }, body: new URLSearchParams({ token }) });
    const active = async () => ((await (await post('/token/introspection', owner)).json()) as { active: boolean }).active;

    assert.equal((await post('/token/revocation', other)).status, 200, 'RFC 7009 answers 200 either way');
    assert.equal(await active(), true, "another client's revocation is ignored");
    await post('/token/revocation', owner);
    assert.equal(await active(), false);
  });
});

describe('scope enforcement at the authorization endpoint', () => {
  it('refuses a registered scope the integration is not associated with (invalid_scope back to the app)', async () => {
    const admin = api(server, adminToken);
    await admin('POST', '/scopes', { name: 'vault:open' });
    const created = await admin('POST', '/integrations', {
      client_name: 'Auth Scope Probe', version: '1', token_endpoint_auth_method: 'none',
      grant_types: ['authorization_code'], redirect_uris: ['http://127.0.0.1:9/cb'],
    });
    const url = new URL(`${server.origin}/auth`);
    url.search = new URLSearchParams({
      client_id: created.body!.client_id, redirect_uri: 'http://127.0.0.1:9/cb', response_type: 'code', scope: 'openid vault:open',
      state: 's1', code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM', code_challenge_method: 'S256',
    }).toString();
    const res = await fetch(url, { redirect: 'manual' });
    const location = new URL(res.headers.get('location')!);
    assert.equal(location.origin + location.pathname, 'http://127.0.0.1:9/cb');
    assert.equal(location.searchParams.get('error'), 'invalid_scope');
    assert.equal(location.searchParams.get('state'), 's1');
  });
});

describe('the seeded demo state', () => {
  it('shows real example tokens: refreshes used, an expired one, a client-credentials one', async () => {
    const items = (await api(server, viewerToken)('GET', '/tokens?limit=100')).body!.items as Array<Record<string, any>>;
    const erpUser = items.find((t) => t.client_id === 'gk_erp_connector' && t.subject === 'ada');
    assert.equal(erpUser?.refresh_count_remaining, 7);
    assert.equal(erpUser?.expired, false);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const later = (await api(server, viewerToken)('GET', '/tokens?client_id=gk_reporting_dashboard')).body!.items as Array<Record<string, any>>;
    assert.equal(later[0]?.expired, true);
    assert.equal(later[0]?.refresh_count_remaining, null, 'unlimited');
    assert.ok(items.some((t) => t.client_id === 'gk_erp_connector' && t.subject === 'gk_erp_connector' && !t.has_refresh_token));
  });
});

describe('token filters', () => {
  it('lists only active or expired tokens, only sign-ins or client credentials, and pages through each the same', async () => {
    const viewer = api(server, viewerToken);
    // The seeded reporting dashboard's token lives one second.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const all = (await viewer('GET', '/tokens?limit=100')).body!.items as Array<Record<string, any>>;
    const ids = (items: Array<Record<string, any>>) => items.map((t) => t.id).sort();
    const query = async (q: string) => (await viewer('GET', `/tokens?limit=100&${q}`)).body!.items as Array<Record<string, any>>;
    assert.ok(all.some((t) => t.expired) && all.some((t) => !t.expired), 'the seeded state has both');
    assert.deepEqual(ids(await query('status=expired')), ids(all.filter((t) => t.expired)));
    assert.deepEqual(ids(await query('status=active')), ids(all.filter((t) => !t.expired)));
    const credentials = await query('grant_type=client_credentials');
    assert.ok(credentials.length > 0);
    assert.ok(credentials.every((t) => t.grant_type === 'client_credentials' && t.subject === t.client_id && !t.has_refresh_token));
    assert.deepEqual(ids(await query('grant_type=authorization_code')), ids(all.filter((t) => t.grant_type === 'authorization_code')));
    assert.equal(credentials.length + (await query('grant_type=authorization_code')).length, all.length);
    assert.deepEqual(ids(await query('status=expired&grant_type=authorization_code')), ids(all.filter((t) => t.expired && t.grant_type === 'authorization_code')));
    // One page at a time, the filter holds on every page and nothing is skipped.
    const paged: Array<Record<string, any>> = [];
    let cursor: string | null = null;
    do {
      const page: { items: Array<Record<string, any>>; next_cursor: string | null } = (await viewer('GET', `/tokens?limit=1&status=active${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)).body! as { items: Array<Record<string, any>>; next_cursor: string | null };
      paged.push(...page.items);
      cursor = page.next_cursor;
    } while (cursor);
    assert.deepEqual(ids(paged), ids(all.filter((t) => !t.expired)));
    for (const bad of ['status=revoked', 'grant_type=password', 'status=', 'status=active&status=expired', '__proto__=x', '__proto__=x&__proto__=y']) {
      const answer = await viewer('GET', `/tokens?${bad}`);
      assert.equal(answer.status, 400, bad);
      assert.equal(answer.body!.code, 'validation_failed', bad);
    }
  });
});

describe('CORS at the token endpoint', () => {
  it("answers browsers only on the origins of the client's registered redirect URIs", async () => {
    const body = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: 'x', client_id: 'gk_reporting_dashboard' });
    const from = (origin: string) => fetch(`${server.origin}/token`, { method: 'POST', headers: { origin, 'content-type': 'application/x-www-form-urlencoded' }, body });
    assert.equal((await from('https://reports.example.com')).headers.get('access-control-allow-origin'), 'https://reports.example.com');
    assert.equal((await from('https://evil.example')).headers.get('access-control-allow-origin'), null);
  });
});
