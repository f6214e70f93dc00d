import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { schemaValidator } from '../admin/openapi.js';
import { api, authorize, exchange, refresh, signIn, start, type Running, type SignInClient } from './support.js';

const DOCUMENT = fileURLToPath(new URL('../../../docs/admin-api.yaml', import.meta.url));

// The attack this file is about: an admin registers an ordinary third-party integration,
// the integration sends the admin to sign in and asks for the admin API. It must get
// neither the admin API nor any scope the admin did not allow it.

let server: Running;
let adminToken: string;

before(async () => {
  server = await start();
  adminToken = (await signIn(server, 'ada@example.com', 'ada-demo')).access_token;
});
after(() => server.close());

const callback = 'http://127.0.0.1:9/callback';
let counter = 0;
/** A public third-party integration with the reports:read scope, as an admin would register it. */
async function thirdParty(): Promise<string> {
  const admin = api(server, adminToken);
  const created = await admin('POST', '/integrations', {
    client_name: `Third Party ${++counter}`, version: '1.0', description: 'Exports your reports to a spreadsheet.', token_endpoint_auth_method: 'none',
    grant_types: ['authorization_code', 'refresh_token'], redirect_uris: [callback],
  });
  assert.equal(created.status, 201);
  const id = created.body!.client_id as string;
  assert.equal((await admin('PUT', `/integrations/${id}/scopes/reports:read`)).status, 204);
  return id;
}
const asks = (clientId: string, scope = 'openid reports:read', resource = `${server.origin}/api`): SignInClient => ({ clientId, redirectUri: callback, scope, resource });

describe('the admin API is only for the admin portal clients', () => {
  it('refuses an integration that asks for the admin API with invalid_target, before any sign-in', async () => {
    const id = await thirdParty();
    const url = new URL(`${server.origin}/auth`);
    url.search = new URLSearchParams({
      client_id: id, redirect_uri: callback, response_type: 'code', scope: 'openid', resource: server.adminAudience,
      state: 's', code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM', code_challenge_method: 'S256',
    }).toString();
    const res = await fetch(url, { redirect: 'manual' });
    const location = new URL(res.headers.get('location')!);
    assert.equal(location.origin + location.pathname, callback);
    assert.equal(location.searchParams.get('error'), 'invalid_target');
  });

  it('refuses the admin API at the token endpoint too, when asked for at the code exchange', async () => {
    const id = await thirdParty();
    const { callback: back, verifier } = await authorize(server, 'ada@example.com', 'ada-demo', asks(id));
    await assert.rejects(exchange(server, { ...asks(id), resource: server.adminAudience }, back.searchParams.get('code')!, verifier), /400 .*invalid_target/);
  });

  it('refuses a confidential integration that asks for the admin API with client credentials', async () => {
    const admin = api(server, adminToken);
    const created = (await admin('POST', '/integrations', { client_name: 'Backdoor Job', version: '1', token_endpoint_auth_method: 'client_secret_basic', grant_types: ['client_credentials'] })).body!;
    const res = await fetch(`${server.origin}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from(`${created.client_id}:${created.client_secret}`).toString('base64')}` },
      body: new URLSearchParams({ grant_type: 'client_credentials', resource: server.adminAudience }),
    });
    assert.equal(res.status, 400);
    assert.equal(((await res.json()) as { error: string }).error, 'invalid_target');
  });

  it("refuses the integration's own API token at the admin API", async () => {
    const id = await thirdParty();
    const tokens = await signIn(server, 'ada@example.com', 'ada-demo', asks(id));
    assert.equal((await api(server, tokens.access_token)('GET', '/me')).status, 401);
  });

  it('gives admin tokens the admin lifetime (600 s)', async () => {
    const tokens = await signIn(server, 'ada@example.com', 'ada-demo');
    assert.equal(tokens.expires_in, 600);
  });

  it('ends admin access when the refresh token is revoked (sign-out), although the JWT has not expired', async () => {
    const tokens = await signIn(server, 'ada@example.com', 'ada-demo', { clientId: 'grantkit-demo', redirectUri: `${server.origin}/`, scope: 'openid offline_access grantkit:admin', resource: server.adminAudience });
    assert.ok(tokens.refresh_token);
    assert.equal((await api(server, tokens.access_token)('GET', '/me')).status, 200);
    const revoked = await fetch(`${server.origin}/token/revocation`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: tokens.refresh_token!, token_type_hint: 'refresh_token', client_id: 'grantkit-demo' }),
    });
    assert.equal(revoked.status, 200);
    const after = await api(server, tokens.access_token)('GET', '/me');
    assert.equal(after.status, 401);
    assert.match(after.headers.get('www-authenticate')!, /error="invalid_token"/);
    assert.equal((await refresh(server, 'grantkit-demo', tokens.refresh_token!)).status, 400);
  });
});

describe('consent for third-party integrations', () => {
  it('shows a consent page naming the integration, its version and description, and each scope with its description', async () => {
    const id = await thirdParty();
    const { consentPages, consentHtml, callback: back } = await authorize(server, 'vic@example.com', 'vic-demo', asks(id));
    assert.equal(consentPages, 1);
    assert.match(consentHtml!, /Third Party \d+<\/bdi> <span class="version">1\.0<\/span>/);
    assert.match(consentHtml!, /Exports your reports to a spreadsheet\./);
    assert.match(consentHtml!, /<code>reports:read<\/code> — <bdi>Download usage reports<\/bdi>/);
    assert.match(consentHtml!, /<code>openid<\/code>/);
    assert.ok(back.searchParams.get('code'));
  });

  it('returns access_denied to the integration when the user denies, and grants nothing', async () => {
    const id = await thirdParty();
    const { callback: back } = await authorize(server, 'vic@example.com', 'vic-demo', asks(id), { consent: 'deny' });
    assert.equal(back.searchParams.get('error'), 'access_denied');
    assert.equal(back.searchParams.get('code'), null);
    assert.equal(back.searchParams.get('state'), 'test-state');
    // Denying remembers nothing: the next sign-in asks again.
    assert.equal((await authorize(server, 'vic@example.com', 'vic-demo', asks(id))).consentPages, 1);
  });

  it('remembers the consent per user and integration, across sign-ins, and asks again for new scopes', async () => {
    const id = await thirdParty();
    assert.equal((await authorize(server, 'vic@example.com', 'vic-demo', asks(id))).consentPages, 1);
    assert.equal((await authorize(server, 'vic@example.com', 'vic-demo', asks(id))).consentPages, 0, 'same user, same scopes: no page');
    assert.equal((await authorize(server, 'ada@example.com', 'ada-demo', asks(id))).consentPages, 1, 'another user is asked for themselves');
    const more = await authorize(server, 'vic@example.com', 'vic-demo', asks(id, 'openid profile reports:read'));
    assert.equal(more.consentPages, 1, 'a new scope is asked for');
    assert.equal((await authorize(server, 'vic@example.com', 'vic-demo', asks(id, 'openid profile reports:read'))).consentPages, 0);
  });

  it('issues only consented scopes: the token carries what the user allowed', async () => {
    const id = await thirdParty();
    const tokens = await signIn(server, 'vic@example.com', 'vic-demo', asks(id));
    // The access token is for the integration's API: its scopes there, and nothing of the admin's.
    assert.equal(tokens.scope, 'reports:read');
  });

  it('forces the page with prompt=consent, for a third-party and a first-party client alike, without looping to the login page', async () => {
    const id = await thirdParty();
    const first = await authorize(server, 'vic@example.com', 'vic-demo', asks(id));
    const forced = await authorize(server, 'vic@example.com', 'vic-demo', asks(id), { params: { prompt: 'consent' }, jar: first.jar });
    assert.equal(forced.consentPages, 1);
    assert.ok(forced.callback.searchParams.get('code'));
    const demo = await authorize(server, 'ada@example.com', 'ada-demo', undefined, { params: { prompt: 'consent' } });
    assert.equal(demo.consentPages, 1, 'prompt=consent is honoured for the first-party demo client too');
    assert.ok(demo.callback.searchParams.get('code'));
  });

  it('skips consent for the first-party demo clients', async () => {
    assert.equal((await authorize(server, 'vic@example.com', 'vic-demo')).consentPages, 0);
  });
});

describe('connected apps', () => {
  // offline_access counts only with prompt=consent (OIDC Core 11), and an integration gets a refresh token only with it.
  const withRefresh = (id: string) => asks(id, 'openid offline_access reports:read');

  it("lists the integrations the caller allowed, with the scopes, since when and when last used, and only the caller's", async () => {
    const id = await thirdParty();
    const vic = await signIn(server, 'vic@example.com', 'vic-demo');
    await signIn(server, 'vic@example.com', 'vic-demo', withRefresh(id), { params: { prompt: 'consent' } });
    const listed = await api(server, vic.access_token)('GET', '/connected-apps');
    assert.equal(listed.status, 200);
    assert.deepEqual(schemaValidator(DOCUMENT)('ConnectedAppPage', listed.body), []);
    const app = (listed.body!.items as Array<Record<string, string>>).find((a) => a.client_id === id);
    assert.ok(app);
    assert.match(app.client_name!, /^Third Party \d+$/);
    assert.equal(app.version, '1.0');
    assert.deepEqual(app.scope!.split(' ').sort(), ['offline_access', 'openid', 'reports:read']);
    assert.ok(Date.parse(app.granted_at!) <= Date.now());
    assert.ok(app.last_used_at, 'the code exchange counts as a use');
    const adas = (await api(server, adminToken)('GET', '/connected-apps')).body!.items as Array<Record<string, string>>;
    assert.ok(!adas.some((a) => a.client_id === id), "another user's connected apps are not listed");
  });

  it('revoking ends every token of that grant and the next sign-in asks again', async () => {
    const id = await thirdParty();
    const vic = (await signIn(server, 'vic@example.com', 'vic-demo')).access_token;
    const tokens = await signIn(server, 'vic@example.com', 'vic-demo', withRefresh(id), { params: { prompt: 'consent' } });
    assert.ok(tokens.refresh_token);
    assert.equal((await api(server, adminToken)('DELETE', `/connected-apps/${id}`)).status, 404, "ada cannot take back vic's consent");
    assert.equal((await api(server, vic)('DELETE', `/connected-apps/${id}`)).status, 204);
    assert.equal((await refresh(server, id, tokens.refresh_token!)).status, 400);
    const issued = (await api(server, adminToken)('GET', `/tokens?client_id=${id}`)).body!.items as unknown[];
    assert.equal(issued.length, 0, 'no token of the grant is left');
    assert.equal((await authorize(server, 'vic@example.com', 'vic-demo', asks(id))).consentPages, 1);
    assert.equal((await api(server, vic)('DELETE', `/connected-apps/${id}`)).status, 204, 'the new consent can be taken back again');
    assert.equal((await api(server, vic)('DELETE', `/connected-apps/${id}`)).status, 404);
  });

  it('needs a signed-in session: a personal access token may not list or revoke connected apps', async () => {
    const pat = (await api(server, adminToken)('POST', '/personal-tokens', { name: `pat ${++counter}`, expires_in_days: 1 })).body!.token as string;
    assert.equal((await api(server, pat)('GET', '/connected-apps')).status, 403);
    assert.equal((await api(server, pat)('DELETE', '/connected-apps/gk_reporting_dashboard')).status, 403);
  });
});
