import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { api, authorize, CookieJar, exchange, signIn, start, type Running, type SignInClient } from './support.js';

// Allowed logout URLs (issue #17, "Allowed logout URLs" in the consoles): where the end-session
// endpoint (OpenID Connect RP-Initiated Logout) may send the browser back after signing out. What a
// user relies on: a sign-out sends them back to the app only at a URL its admin registered, as
// exactly as callback URLs are compared; any other is refused, and nobody is sent there.

let server: Running;
let admin: ReturnType<typeof api>;

before(async () => {
  server = await start();
  admin = api(server, (await signIn(server, 'ada@example.com', 'ada-demo')).access_token);
});
after(() => server.close());

let named = 0;
async function create(fields: Record<string, unknown>): Promise<string> {
  const created = await admin('POST', '/integrations', { client_name: `Logout ${++named}`, version: '1', token_endpoint_auth_method: 'none', grant_types: ['authorization_code'], ...fields });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  return created.body!.client_id as string;
}

/** Signs in as Ada with the integration, in a browser of its own (a cookie jar): its session and ID token. */
async function signedIn(client: SignInClient): Promise<{ jar: CookieJar; idToken: string }> {
  const jar = new CookieJar();
  const { callback, verifier } = await authorize(server, 'ada@example.com', 'ada-demo', client, { jar, params: { prompt: 'consent' } });
  const tokens = (await exchange(server, client, callback.searchParams.get('code')!, verifier)) as { id_token?: string };
  assert.ok(tokens.id_token);
  return { jar, idToken: tokens.id_token };
}

/** RP-initiated logout as a browser does it: the end-session request, then "Yes, sign me out". Where the browser is sent, or the refusal. */
async function logOut(jar: CookieJar, params: Record<string, string>): Promise<{ status: number; location: string | null; body: string }> {
  const page = await fetch(`${server.origin}/session/end?${new URLSearchParams(params)}`, { headers: { cookie: jar.header() }, redirect: 'manual' });
  jar.store(page);
  const body = await page.text();
  const xsrf = /name="xsrf" value="([^"]+)"/.exec(body)?.[1];
  if (page.status !== 200 || !xsrf) return { status: page.status, location: page.headers.get('location'), body };
  const confirmed = await fetch(`${server.origin}/session/end/confirm`, {
    method: 'POST', redirect: 'manual',
    headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ xsrf, logout: 'yes' }),
  });
  return { status: confirmed.status, location: confirmed.headers.get('location'), body: await confirmed.text() };
}

describe('allowed logout URLs', () => {
  it('send the browser back after sign-out only to a registered one, exactly as written', async () => {
    const callback = 'http://127.0.0.1:9/callback';
    const id = await create({ redirect_uris: [callback], post_logout_redirect_uris: ['https://app.example.com/signed-out'] });
    const got = await admin('GET', `/integrations/${id}`);
    assert.deepEqual(got.body!.post_logout_redirect_uris, ['https://app.example.com/signed-out']);
    const client = { clientId: id, redirectUri: callback, scope: 'openid' };

    const { jar, idToken } = await signedIn(client);
    const back = await logOut(jar, { id_token_hint: idToken, post_logout_redirect_uri: 'https://app.example.com/signed-out', state: 'bye-1' });
    assert.equal(back.status, 303, back.body);
    assert.equal(back.location, 'https://app.example.com/signed-out?state=bye-1');

    for (const other of ['https://evil.example/signed-out', 'https://app.example.com/signed-out/', 'https://app.example.com/signed-out?next=x', 'https://APP.example.com/signed-out']) {
      const { jar: otherJar, idToken: otherToken } = await signedIn(client);
      const refused = await logOut(otherJar, { id_token_hint: otherToken, post_logout_redirect_uri: other });
      assert.equal(refused.status, 400, other);
      assert.equal(refused.location, null, `sent to ${refused.location}`);
      assert.match(refused.body, /post_logout_redirect_uri/);
    }
  });

  it('take a change at once, and are named with client_id when there is no ID token', async () => {
    const callback = 'http://127.0.0.1:9/callback';
    const id = await create({ redirect_uris: [callback] });
    const { jar } = await signedIn({ clientId: id, redirectUri: callback, scope: 'openid' });
    const before = await logOut(jar, { client_id: id, post_logout_redirect_uri: 'https://later.example.com/bye' });
    assert.equal(before.status, 400, 'not registered yet');
    const patched = await admin('PATCH', `/integrations/${id}`, { post_logout_redirect_uris: ['https://later.example.com/bye'] });
    assert.equal(patched.status, 200, JSON.stringify(patched.body));
    const after = await logOut(jar, { client_id: id, post_logout_redirect_uri: 'https://later.example.com/bye' });
    assert.equal(after.location, 'https://later.example.com/bye');
  });

  it('of a native app take its own scheme and its loopback URL on any port', async () => {
    const callback = 'com.example.logout:/oauth/callback';
    const id = await create({ kind: 'native', redirect_uris: [callback], post_logout_redirect_uris: ['com.example.logout:/signed-out', 'http://127.0.0.1/signed-out'] });
    const client = { clientId: id, redirectUri: callback, scope: 'openid' };
    const first = await signedIn(client);
    assert.equal((await logOut(first.jar, { id_token_hint: first.idToken, post_logout_redirect_uri: 'com.example.logout:/signed-out' })).location, 'com.example.logout:/signed-out');
    const second = await signedIn(client);
    assert.equal((await logOut(second.jar, { id_token_hint: second.idToken, post_logout_redirect_uri: 'http://127.0.0.1:49152/signed-out' })).location, 'http://127.0.0.1:49152/signed-out');
  });

  it('follow the kind\'s form, and a service has none', async () => {
    const refusedAt = async (fields: Record<string, unknown>) => {
      const reply = await admin('POST', '/integrations', { client_name: `Logout refused ${++named}`, version: '1', token_endpoint_auth_method: 'none', grant_types: ['authorization_code'], redirect_uris: ['com.example.ok:/cb'], ...fields });
      assert.equal(reply.status, 400, JSON.stringify(reply.body));
      return (reply.body!.errors as { path: string }[]).map((e) => e.path);
    };
    assert.ok((await refusedAt({ kind: 'native', post_logout_redirect_uris: ['http://localhost/bye'] })).includes('/body/post_logout_redirect_uris/0'));
    assert.ok((await refusedAt({ kind: 'single_page', redirect_uris: ['https://s.example/cb'], post_logout_redirect_uris: ['com.example.app:/bye'] })).includes('/body/post_logout_redirect_uris/0'));
    assert.ok((await refusedAt({ redirect_uris: ['https://s.example/cb'], post_logout_redirect_uris: ['https://s.example/bye#x'] })).includes('/body/post_logout_redirect_uris/0'));
    assert.ok((await refusedAt({
      kind: 'service', token_endpoint_auth_method: 'client_secret_basic', grant_types: ['client_credentials'], redirect_uris: [], post_logout_redirect_uris: ['https://s.example/bye'],
    })).includes('/body/post_logout_redirect_uris'));
  });
});
