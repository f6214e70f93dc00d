import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { GrantkitError, type GrantkitClient } from '../src/index.js';
import { FakeAuthServer, ISSUER } from './support/fake-auth-server.js';
import { worker } from './support/msw.js';
import { makeClient, nextEvent, resetBrowserState, setUpFake, signIn, sleep } from './support/session.js';

/** A session whose access token has already expired. */
async function expiredSession(fake: FakeAuthServer, options: Parameters<typeof makeClient>[0] = {}): Promise<GrantkitClient> {
  fake.options.expiresIn = 0;
  const sdk = await makeClient({ autoRefresh: false, ...options });
  await signIn(fake, sdk);
  fake.options.expiresIn = 3600;
  return sdk;
}

describe('token refresh', () => {
  let fake: FakeAuthServer;

  beforeEach(async () => {
    await resetBrowserState();
    fake = await setUpFake();
  });

  it('makes one refresh request for 50 concurrent callers', async () => {
    const expired = await expiredSession(fake);
    const tokens = await Promise.all(Array.from({ length: 50 }, () => expired.getAccessToken()));
    expect(fake.refreshRequests).to.equal(1);
    expect(new Set(tokens).size).to.equal(1);
    // Everyone got the refreshed token, not the expired one from the code exchange.
    expect(fake.issuedAccessTokens).to.have.length(2);
    expect(tokens[0]).to.equal(fake.issuedAccessTokens[1]);
  });

  it('makes one refresh request for two tabs of the same app, and both keep the session', async () => {
    const clientId = 'two-tabs';
    const tabA = await expiredSession(fake, { clientId });
    const tabB = await makeClient({ clientId, autoRefresh: false });
    expect(tabB.isAuthenticated).to.equal(true);
    fake.tokenRequests.length = 0;
    const [a, b] = await Promise.all([tabA.getAccessToken(), tabB.getAccessToken()]);
    // The second tab found the first one's new tokens inside the lock: with a rotating,
    // reuse-detecting server, a second refresh with the old token would end the session.
    expect(fake.refreshRequests).to.equal(1);
    expect(a).to.equal(b);
    expect(tabA.isAuthenticated && tabB.isAuthenticated).to.equal(true);
    // And the session still works afterwards.
    expect(await tabA.getAccessToken({ forceRefresh: true })).to.match(/^at-/);
    expect(fake.tokenRequests.filter((p) => p.get('grant_type') === 'refresh_token')).to.have.length(2);
  });

  it('tells other tabs about new tokens', async () => {
    const clientId = 'broadcast';
    const tabA = await makeClient({ clientId });
    const tabB = await makeClient({ clientId });
    const signedIn = nextEvent<CustomEvent>(tabB, 'statechange');
    await signIn(fake, tabA);
    expect((await signedIn).detail.isAuthenticated).to.equal(true);
    expect(tabB.user?.sub).to.equal('alice');
    const refreshed = nextEvent(tabB, 'tokenrefresh');
    const token = await tabA.getAccessToken({ forceRefresh: true });
    await refreshed;
    expect(await tabB.getAccessToken()).to.equal(token);
  });

  it('refreshes before the token expires without being asked', async () => {
    fake.options.expiresIn = 2;
    const sdk = await makeClient();
    await signIn(fake, sdk);
    const first = await sdk.getAccessToken();
    const event = await nextEvent<CustomEvent>(sdk, 'tokenrefresh', 3000);
    expect(event.detail.expiresAt).to.be.greaterThan(Date.now());
    expect(fake.refreshRequests).to.equal(1);
    expect(await sdk.getAccessToken()).not.to.equal(first);
  });

  it('keeps a non-rotated refresh token', async () => {
    const rotating = await setUpFake(new FakeAuthServer({ rotateRefreshTokens: false }));
    const session = await expiredSession(rotating);
    await session.getAccessToken();
    await session.getAccessToken({ forceRefresh: true });
    const used = rotating.tokenRequests.filter((p) => p.get('grant_type') === 'refresh_token').map((p) => p.get('refresh_token'));
    expect(used).to.have.length(2);
    expect(used[0]).to.equal(used[1]);
  });

  it('ends the session once, without a loop, when the server refuses the refresh token', async () => {
    const sdk = await expiredSession(fake);
    fake.tokenOverride = (p) => (p.get('grant_type') === 'refresh_token' ? HttpResponse.json({ error: 'invalid_grant' }, { status: 400 }) : undefined);
    let expiredEvents = 0;
    sdk.addEventListener('sessionexpired', () => expiredEvents++);
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => sdk.getAccessToken()));
    expect(results.every((r) => r.status === 'rejected' && (r.reason as GrantkitError).code === 'session_expired')).to.equal(true);
    expect(fake.refreshRequests).to.equal(1);
    expect(expiredEvents).to.equal(1);
    expect(sdk.isAuthenticated).to.equal(false);
    const after = await sdk.getAccessToken().catch((e: GrantkitError) => e.code);
    expect(after).to.equal('login_required');
    await sleep(100);
    expect(fake.refreshRequests).to.equal(1);
    expect(expiredEvents).to.equal(1);
  });

  it('ends the session in every tab when the refresh count is exhausted', async () => {
    const clientId = 'exhausted';
    const tabA = await expiredSession(fake, { clientId });
    const tabB = await makeClient({ clientId, autoRefresh: false });
    fake.tokenOverride = () => HttpResponse.json({ error: 'invalid_grant', error_description: 'refresh count exhausted' }, { status: 400 });
    const expiredInB = nextEvent<CustomEvent<{ error: GrantkitError }>>(tabB, 'sessionexpired');
    await tabA.getAccessToken().catch(() => undefined);
    expect((await expiredInB).detail.error.code).to.equal('session_expired');
    expect(tabB.isAuthenticated).to.equal(false);
  });

  it('keeps the session through a server outage and retries with backoff', async () => {
    const sdk = await expiredSession(fake, { autoRefresh: true });
    let outage = true;
    fake.tokenOverride = (p) =>
      outage && p.get('grant_type') === 'refresh_token' ? HttpResponse.json({ error: 'temporarily_unavailable' }, { status: 503 }) : undefined;
    const errorEvent = nextEvent<CustomEvent<{ error: GrantkitError }>>(sdk, 'error');
    const failure = await sdk.getAccessToken().catch((e: GrantkitError) => e);
    expect((failure as GrantkitError).code).to.equal('network_error');
    expect((await errorEvent).detail.error.code).to.equal('network_error');
    expect(sdk.isAuthenticated).to.equal(true);
    outage = false;
    // The first retry comes a second later, by itself.
    await nextEvent(sdk, 'tokenrefresh', 3000);
    expect(fake.refreshRequests).to.equal(2);
    expect(await sdk.getAccessToken()).to.match(/^at-/);
  });

  it('waits as long as a 503 Retry-After asks, and asks nothing before', async () => {
    const sdk = await expiredSession(fake, { autoRefresh: true });
    let outage = true;
    fake.tokenOverride = () =>
      outage ? HttpResponse.json({ error: 'temporarily_unavailable' }, { status: 503, headers: { 'Retry-After': '2' } }) : undefined;
    const failure = (await sdk.getAccessToken().catch((e: GrantkitError) => e)) as GrantkitError;
    expect(failure.code).to.equal('network_error');
    expect(failure.retryAt! - Date.now()).to.be.within(1500, 2000);
    // The app keeps calling: answered at once from the last failure, the server is left alone.
    const again = await Promise.allSettled([sdk.getAccessToken(), sdk.fetch("/api/anything")]);
    expect(again.map((r) => r.status === 'rejected' && (r.reason as GrantkitError).code)).to.deep.equal(['network_error', 'network_error']);
    expect(fake.refreshRequests).to.equal(1);
    expect(sdk.isAuthenticated).to.equal(true);
    outage = false;
    // Not after the usual first backoff of one second, but when the server said.
    await sleep(1200);
    expect(fake.refreshRequests).to.equal(1);
    await nextEvent(sdk, 'tokenrefresh', 3000);
    expect(fake.refreshRequests).to.equal(2);
    expect(await sdk.getAccessToken()).to.match(/^at-/);
  });

  it('keeps the session when the token endpoint rate-limits the refresh (429 is not a refused grant)', async () => {
    const sdk = await expiredSession(fake);
    const later = new Date(Date.now() + 60_000).toUTCString();
    fake.tokenOverride = () => HttpResponse.json({ error: 'slow_down' }, { status: 429, headers: { 'Retry-After': later } });
    let expired = false;
    sdk.addEventListener('sessionexpired', () => (expired = true));
    const failure = (await sdk.getAccessToken().catch((e: GrantkitError) => e)) as GrantkitError;
    expect(failure.code).to.equal('network_error');
    expect(failure.status).to.equal(429);
    expect(failure.retryAt! - Date.now()).to.be.within(55_000, 60_000);
    expect(sdk.isAuthenticated).to.equal(true);
    expect(expired).to.equal(false);
  });

  it('keeps the session when the token endpoint refuses the request rather than the grant (invalid_dpop_proof, invalid_request)', async () => {
    // Seen with the reference server: a proof the token endpoint would not take ended the
    // session, though the refresh token was good. Only invalid_grant, invalid_client,
    // unauthorized_client and unsupported_grant_type say the grant is over (RFC 6749 §5.2).
    for (const refused of ['invalid_dpop_proof', 'invalid_request', 'use_dpop_nonce']) {
      fake.tokenOverride = undefined;
      const sdk = await expiredSession(fake);
      fake.tokenOverride = () => HttpResponse.json({ error: refused }, { status: 400 });
      let expired = false;
      sdk.addEventListener('sessionexpired', () => (expired = true));
      const failure = (await sdk.getAccessToken().catch((e: GrantkitError) => e)) as GrantkitError;
      expect(failure.code, refused).to.equal('token_rejected');
      expect(failure.error, refused).to.equal(refused);
      expect(sdk.isAuthenticated, refused).to.equal(true);
      expect(expired, refused).to.equal(false);
      sdk.close();
    }
    // A proxy's or a firewall's own page is not an OAuth answer either.
    fake.tokenOverride = undefined;
    const behindProxy = await expiredSession(fake);
    fake.tokenOverride = () => new HttpResponse('<html>Request blocked</html>', { status: 403, headers: { 'content-type': 'text/html' } });
    expect(((await behindProxy.getAccessToken().catch((e: GrantkitError) => e)) as GrantkitError).code).to.equal('token_rejected');
    expect(behindProxy.isAuthenticated).to.equal(true);
    behindProxy.close();
    fake.tokenOverride = undefined;
    const sdk = await expiredSession(fake);
    fake.tokenOverride = () => HttpResponse.json({ error: 'invalid_grant' }, { status: 400 });
    expect(((await sdk.getAccessToken().catch((e: GrantkitError) => e)) as GrantkitError).code).to.equal('session_expired');
    expect(sdk.isAuthenticated).to.equal(false);
  });

  it('goes on with a token that has not expired yet when the refresh fails', async () => {
    // Two seconds of life: fresh for 1.5 s, then refreshed early, within its last half second.
    fake.options.expiresIn = 2;
    const sdk = await makeClient({ autoRefresh: false });
    await signIn(fake, sdk);
    const current = await sdk.getAccessToken();
    await sleep(1600);
    fake.tokenOverride = () => HttpResponse.json({ error: 'server_error' }, { status: 500 });
    expect(await sdk.getAccessToken()).to.equal(current);
    expect(fake.refreshRequests).to.equal(1);
    // Asked for a new one explicitly (after a 401, say), the failure is the answer.
    const forced = await sdk.getAccessToken({ forceRefresh: true }).catch((e: GrantkitError) => e.code);
    expect(forced).to.equal('network_error');
  });

  it('keeps the session when the token endpoint does not answer in time, and the retry succeeds', async () => {
    const sdk = await expiredSession(fake, { timeout: 300 });
    worker.use(http.post(`${ISSUER}/token`, async () => {
      await sleep(2000);
      return HttpResponse.json({ error: 'too late' }, { status: 500 });
    }, { once: true }));
    const error = (await sdk.getAccessToken().catch((e: GrantkitError) => e)) as GrantkitError;
    expect(error.code).to.equal('network_error');
    expect(sdk.isAuthenticated).to.equal(true);
    // The slow answer is still awaited (it may carry a rotated token); once it has come (a 500
    // here), the retry goes through.
    await sleep(2100);
    expect(await sdk.getAccessToken()).to.match(/^at-/);
    expect(fake.refreshRequests).to.equal(1);
  });

  it('keeps the answer of a refresh that comes after the timeout: the rotated token is used, the old one never sent again', async () => {
    const sdk = await expiredSession(fake, { timeout: 300 });
    // The server rotates the refresh token, but its answer comes after the client's timeout.
    fake.tokenOverride = async () => {
      await sleep(1000);
      return undefined;
    };
    const events: string[] = [];
    sdk.addEventListener('error', (e) => events.push(e.detail.error.code));
    const error = (await sdk.getAccessToken().catch((e: GrantkitError) => e)) as GrantkitError;
    expect(error.code).to.equal('network_error');
    expect(sdk.isAuthenticated).to.equal(true);
    // Calling again while the answer is awaited joins that refresh: no second request queues.
    expect(((await sdk.getAccessToken().catch((e: GrantkitError) => e)) as GrantkitError).code).to.equal('network_error');
    expect(events, 'the late answer is reported once, not once per caller').to.deep.equal(['network_error']);
    fake.tokenOverride = undefined;
    await sleep(1000);
    const refreshed = await sdk.getAccessToken();
    expect(refreshed).to.match(/^at-/);
    // One refresh, its answer kept: no second request with the old (now used) refresh token,
    // which the server's reuse detection would have answered by ending the session.
    expect(fake.refreshRequests).to.equal(1);
    expect(sdk.isAuthenticated).to.equal(true);
  });

  it('keeps the session when the network is down during refresh', async () => {
    const sdk = await expiredSession(fake);
    worker.use(http.post(`${ISSUER}/token`, () => HttpResponse.error(), { once: true }));
    const error = await sdk.getAccessToken().catch((e: GrantkitError) => e);
    expect((error as GrantkitError).code).to.equal('network_error');
    expect(sdk.isAuthenticated).to.equal(true);
    expect(await sdk.getAccessToken()).to.match(/^at-/);
  });
});

describe('logout', () => {
  let fake: FakeAuthServer;

  beforeEach(async () => {
    await resetBrowserState();
    fake = await setUpFake();
  });

  it('revokes the refresh and access tokens and signs out every tab', async () => {
    const clientId = 'logout';
    const tabA = await makeClient({ clientId });
    await signIn(fake, tabA);
    const tabB = await makeClient({ clientId });
    const access = await tabA.getAccessToken();
    const signedOut = nextEvent<CustomEvent>(tabB, 'statechange');
    await tabA.logout();
    expect(fake.revocations.map((p) => p.get('token_type_hint'))).to.deep.equal(['refresh_token', 'access_token']);
    expect(fake.revocations[1]!.get('token')).to.equal(access);
    expect(tabA.isAuthenticated).to.equal(false);
    expect((await signedOut).detail.isAuthenticated).to.equal(false);
    const reloaded = await makeClient({ clientId });
    expect(reloaded.isAuthenticated).to.equal(false);
  });

  it('signs out locally even when revocation fails', async () => {
    const sdk = await makeClient();
    await signIn(fake, sdk);
    worker.use(http.post(`${ISSUER}/revoke`, () => HttpResponse.error()));
    const errors: string[] = [];
    sdk.addEventListener('error', (e) => errors.push(e.detail.error.code));
    await sdk.logout();
    expect(sdk.isAuthenticated).to.equal(false);
    expect(errors).to.deep.equal(['network_error', 'network_error']);
  });

  it('accepts a server that cannot revoke its JWT access tokens (RFC 7009 unsupported_token_type)', async () => {
    const sdk = await makeClient();
    await signIn(fake, sdk);
    worker.use(
      http.post(`${ISSUER}/revoke`, async ({ request }) => {
        const params = new URLSearchParams(await request.text());
        fake.revocations.push(params);
        return params.get('token_type_hint') === 'access_token'
          ? HttpResponse.json({ error: 'unsupported_token_type' }, { status: 400 })
          : new HttpResponse(null, { status: 200 });
      }),
    );
    const errors: string[] = [];
    sdk.addEventListener('error', (e) => errors.push(e.detail.error.code));
    await sdk.logout();
    expect(fake.revocations).to.have.length(2);
    expect(errors).to.deep.equal([]);
  });

  it('does not ask a server to revoke for a public client when its metadata says it will not', async () => {
    fake = await setUpFake(new FakeAuthServer({ revocationAuthMethods: ['client_secret_basic', 'private_key_jwt'] }));
    const sdk = await makeClient();
    await signIn(fake, sdk);
    const errors: string[] = [];
    sdk.addEventListener('error', (e) => errors.push(e.detail.error.code));
    await sdk.logout();
    expect(fake.revocations).to.deep.equal([]);
    expect(errors).to.deep.equal([]);
    expect(sdk.isAuthenticated).to.equal(false);
  });

  it('reports a revocation the server refuses with a bare 401 by its status, and still signs out', async () => {
    const sdk = await makeClient();
    await signIn(fake, sdk);
    worker.use(http.post(`${ISSUER}/revoke`, () => new HttpResponse(null, { status: 401 })));
    const errors: GrantkitError[] = [];
    sdk.addEventListener('error', (e) => errors.push(e.detail.error));
    await sdk.logout();
    expect(sdk.isAuthenticated).to.equal(false);
    expect(errors.map((e) => [e.code, e.status])).to.deep.equal([['token_rejected', 401], ['token_rejected', 401]]);
    expect(errors[0]!.message).to.match(/HTTP 401/);
  });

  it('refuses a returnTo on another origin', async () => {
    const sdk = await makeClient();
    await signIn(fake, sdk);
    const error = await sdk.logout({ returnTo: 'https://evil.example/' }).catch((e: GrantkitError) => e);
    expect((error as GrantkitError).code).to.equal('config_invalid');
    expect(sdk.isAuthenticated).to.equal(true);
  });
});
