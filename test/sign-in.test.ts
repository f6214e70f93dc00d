import { expect } from '@open-wc/testing';
import { http, HttpResponse, delay } from 'msw';
import { GrantkitError, isAuthorizationResponse, type GrantkitClient } from '../src/index.js';
import { FakeAuthServer, ISSUER } from './support/fake-auth-server.js';
import { worker } from './support/msw.js';
import { freshClientId, makeClient, resetBrowserState, setUpFake, signIn, sleep } from './support/session.js';
import { resolveConfig, type ResolvedInteractiveConfig } from '../src/config.js';
import { endSessionUrl } from '../src/end-session.js';
import { completeSignInIfReturning } from '../components/shared/sign-in-return.js';

async function failure(promise: Promise<unknown>): Promise<GrantkitError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(GrantkitError);
    return error as GrantkitError;
  }
  throw new Error('expected a GrantkitError, but the call succeeded');
}

describe('sign-in with authorization code + PKCE', () => {
  let fake: FakeAuthServer;
  let sdk: GrantkitClient;

  beforeEach(async () => {
    await resetBrowserState();
    fake = await setUpFake();
    sdk = await makeClient({ scope: 'openid profile', audience: 'https://api.example.test', resource: 'https://api.example.test/' });
  });

  it('builds an authorization request with S256 PKCE, state, nonce, audience and resource', async () => {
    const url = await sdk.createAuthorizationUrl({ prompt: 'login', loginHint: 'alice', authorizationParams: { ui_locales: 'de' } });
    const p = url.searchParams;
    expect(url.origin + url.pathname).to.equal(`${ISSUER}/authorize`);
    expect(p.get('response_type')).to.equal('code');
    expect(p.get('code_challenge_method')).to.equal('S256');
    expect(p.get('code_challenge')).to.match(/^[A-Za-z0-9_-]{43}$/);
    expect(p.get('state')).to.have.length.greaterThan(20);
    expect(p.get('nonce')).to.have.length.greaterThan(20);
    expect(p.get('audience')).to.equal('https://api.example.test');
    expect(p.getAll('resource')).to.deep.equal(['https://api.example.test/']);
    expect([p.get('prompt'), p.get('login_hint'), p.get('ui_locales')]).to.deep.equal(['login', 'alice', 'de']);
    // Nothing secret in the URL: the verifier stays in the tab.
    expect(url.href).not.to.contain(JSON.parse(sessionStorage.getItem(`grantkit:tx:${p.get('state')}`)!).codeVerifier);
  });

  it('cannot be downgraded from S256 PKCE: a server offering only plain is refused, one saying nothing still gets S256', async () => {
    await resetBrowserState();
    await setUpFake(new FakeAuthServer({ pkceMethods: ['plain'] }));
    const downgraded = await makeClient({ scope: 'openid' });
    const refused = (await downgraded.createAuthorizationUrl().catch((e: unknown) => e)) as GrantkitError;
    expect(refused.code).to.equal('config_invalid');
    expect(Object.keys(sessionStorage).filter((k) => k.startsWith('grantkit:tx:'))).to.deep.equal([], 'no sign-in was started');

    await resetBrowserState();
    await setUpFake(new FakeAuthServer({ pkceMethods: null }));
    const silent = await makeClient({ scope: 'openid' });
    expect((await silent.createAuthorizationUrl()).searchParams.get('code_challenge_method')).to.equal('S256');
  });

  it('sends no nonce when openid is not asked for', async () => {
    const plain = await makeClient({ scope: 'api:read' });
    const url = await plain.createAuthorizationUrl();
    expect(url.searchParams.has('nonce')).to.equal(false);
  });

  it('refuses a returnTo on another origin (no open redirect)', async () => {
    const error = await failure(sdk.createAuthorizationUrl({ returnTo: 'https://evil.example/' }));
    expect(error.code).to.equal('config_invalid');
    expect((await failure(sdk.createAuthorizationUrl({ returnTo: '//evil.example/x' }))).code).to.equal('config_invalid');
  });

  it('signs in: exchanges the code, exposes the user and returns to where sign-in began', async () => {
    const url = await sdk.createAuthorizationUrl({ returnTo: '/projects?tab=2' });
    const states: boolean[] = [];
    sdk.addEventListener('statechange', (e) => states.push(e.detail.isAuthenticated));
    const result = await sdk.handleRedirectCallback(await fake.authorize(url));
    expect(result.returnTo).to.equal('/projects?tab=2');
    expect(sdk.isAuthenticated).to.equal(true);
    expect(sdk.user?.sub).to.equal('alice');
    expect(states).to.deep.equal([true]);
    expect(await sdk.getAccessToken()).to.match(/^at-/);
    // The token request carried the verifier and the resource indicator.
    const exchange = fake.tokenRequests[0]!;
    expect(exchange.get('code_verifier')).to.have.length(43);
    expect(exchange.getAll('resource')).to.deep.equal(['https://api.example.test/']);
  });

  it('discovers the server once and reuses the metadata on the callback page', async () => {
    await signIn(fake, sdk);
    const again = await makeClient();
    await signIn(fake, again);
    expect(fake.discoveryRequests).to.equal(1);
  });

  it('removes code and state from the address bar', async () => {
    const start = location.href;
    const url = await sdk.createAuthorizationUrl();
    const callback = new URL(await fake.authorize(url));
    history.pushState(null, '', callback.pathname + callback.search + '#keep');
    try {
      await sdk.handleRedirectCallback();
      expect(location.search).to.equal('');
      expect(location.hash).to.equal('#keep');
    } finally {
      history.replaceState(null, '', start);
    }
  });

  it('tells a return from sign-in by one rule: a code, a state or an error (a denied sign-in too)', () => {
    expect(isAuthorizationResponse('https://app.example/?code=c&state=s')).to.equal(true);
    expect(isAuthorizationResponse('https://app.example/?error=access_denied&state=s')).to.equal(true);
    expect(isAuthorizationResponse(new URL('https://app.example/cb?error=login_required'))).to.equal(true);
    expect(isAuthorizationResponse('/?state=s')).to.equal(true);
    expect(isAuthorizationResponse('https://app.example/?tab=2#state=s')).to.equal(false);
    expect(isAuthorizationResponse('https://app.example/redeem?code=PROMO'), "an app's own code parameter").to.equal(false);
    expect(isAuthorizationResponse('http://[')).to.equal(false);
    expect(isAuthorizationResponse()).to.equal(new URL(location.href).searchParams.has('state'));
  });

  it('with restoreReturnTo, puts the address bar back to where sign-in began; a failed return is only cleaned', async () => {
    const start = location.href;
    try {
      const callback = new URL(await fake.authorize(await sdk.createAuthorizationUrl({ returnTo: '/projects?tab=2#list' })));
      history.pushState(null, '', callback.pathname + callback.search);
      expect(isAuthorizationResponse()).to.equal(true);
      await sdk.handleRedirectCallback({ restoreReturnTo: true });
      expect(location.pathname + location.search + location.hash).to.equal('/projects?tab=2#list');

      const denied = new URL(await fake.authorize(await sdk.createAuthorizationUrl({ returnTo: '/elsewhere' }), { code: null, error: 'access_denied' }));
      history.pushState(null, '', `/page${denied.search}`);
      expect(isAuthorizationResponse(), 'a denied sign-in is a return too').to.equal(true);
      const error = await failure(sdk.handleRedirectCallback({ restoreReturnTo: true }));
      expect(error.code).to.equal('authorization_denied');
      expect(location.pathname + location.search).to.equal('/page', 'the response is gone, and the page is not left for returnTo');
    } finally {
      history.replaceState(null, '', start);
    }
  });

  it('refuses logoutParams that grantkit sets itself (and ones that are not strings), before signing out', async () => {
    await signIn(fake, sdk);
    for (const name of ['state', 'client_id', 'id_token_hint', 'post_logout_redirect_uri']) {
      const error = await failure(sdk.logout({ endSession: true, logoutParams: { [name]: 'x' } }));
      expect(error.code).to.equal('config_invalid');
      expect(error.message).to.contain(`"${name}"`);
    }
    const notText = await failure(sdk.logout({ endSession: true, logoutParams: { ui_locales: 1 as unknown as string } }));
    expect(notText.code).to.equal('config_invalid');
    expect(sdk.isAuthenticated, 'still signed in: nothing was half done').to.equal(true);
  });

  it('answers a second call for the same URL with the first result, making one token request', async () => {
    const callback = await fake.authorize(await sdk.createAuthorizationUrl({ returnTo: '/a' }));
    const [first, second] = await Promise.all([sdk.handleRedirectCallback(callback), sdk.handleRedirectCallback(callback)]);
    const third = await sdk.handleRedirectCallback(callback);
    expect([first.returnTo, second.returnTo, third.returnTo]).to.deep.equal(['/a', '/a', '/a']);
    expect(fake.tokenRequests).to.have.length(1);
  });

  it('refuses an altered state without asking for tokens', async () => {
    const callback = await fake.authorize(await sdk.createAuthorizationUrl(), { state: 'forged-state' });
    const error = await failure(sdk.handleRedirectCallback(callback));
    expect(error.code).to.equal('state_mismatch');
    expect(fake.tokenRequests).to.have.length(0);
    expect(sdk.isAuthenticated).to.equal(false);
  });

  it('refuses a response with no state at all', async () => {
    await sdk.createAuthorizationUrl();
    const callback = await fake.authorize(await sdk.createAuthorizationUrl(), { state: null });
    expect((await failure(sdk.handleRedirectCallback(callback))).code).to.equal('state_mismatch');
  });

  it('reports no_transaction for a response this tab never started', async () => {
    const stranger = await makeClient();
    const callback = await fake.authorize(await stranger.createAuthorizationUrl());
    sessionStorage.clear();
    expect((await failure(sdk.handleRedirectCallback(callback))).code).to.equal('no_transaction');
    expect((await failure(sdk.handleRedirectCallback(`${location.origin}/callback`))).code).to.equal('no_transaction');
  });

  it('refuses an expired transaction', async () => {
    const url = await sdk.createAuthorizationUrl();
    const key = `grantkit:tx:${url.searchParams.get('state')}`;
    sessionStorage.setItem(key, JSON.stringify({ ...JSON.parse(sessionStorage.getItem(key)!), expiresAt: Date.now() - 1 }));
    expect((await failure(sdk.handleRedirectCallback(await fake.authorize(url)))).code).to.equal('no_transaction');
    expect(fake.tokenRequests).to.have.length(0);
  });

  it('refuses a response from another issuer (RFC 9207 mix-up defence)', async () => {
    const callback = await fake.authorize(await sdk.createAuthorizationUrl(), { iss: 'https://attacker.example' });
    expect((await failure(sdk.handleRedirectCallback(callback))).code).to.equal('issuer_mismatch');
    expect(fake.tokenRequests).to.have.length(0);
  });

  it('refuses a response without iss when the server advertises it', async () => {
    const callback = await fake.authorize(await sdk.createAuthorizationUrl(), { iss: null });
    expect((await failure(sdk.handleRedirectCallback(callback))).code).to.equal('issuer_mismatch');
  });

  it('refuses an ID token minted for another sign-in (nonce)', async () => {
    fake.nonceOverride = 'someone-elses-nonce';
    const callback = await fake.authorize(await sdk.createAuthorizationUrl());
    expect((await failure(sdk.handleRedirectCallback(callback))).code).to.equal('nonce_mismatch');
    expect(sdk.isAuthenticated).to.equal(false);
  });

  it('reports a denied authorization with the server error as plain data', async () => {
    const callback = await fake.authorize(await sdk.createAuthorizationUrl(), {
      code: null,
      error: 'access_denied',
      error_description: '<img src=x onerror=alert(1)>',
    });
    const error = await failure(sdk.handleRedirectCallback(callback));
    expect(error.code).to.equal('authorization_denied');
    expect(error.error).to.equal('access_denied');
    expect(error.errorDescription).to.equal('<img src=x onerror=alert(1)>');
  });

  it('reports a code the server refuses (replayed code) as token_rejected', async () => {
    const url = await sdk.createAuthorizationUrl();
    const callback = new URL(await fake.authorize(url));
    callback.searchParams.set('code', 'replayed-code');
    const error = await failure(sdk.handleRedirectCallback(callback.href));
    expect(error.code).to.equal('token_rejected');
    expect(error.error).to.equal('invalid_grant');
  });

  it('reports 5xx, malformed JSON and timeouts of the token endpoint as typed errors', async () => {
    const attempt = async (response: () => Response | Promise<Response>) => {
      worker.use(http.post(`${ISSUER}/token`, response, { once: true }));
      const client = await makeClient({ timeout: 300 });
      const callback = await fake.authorize(await client.createAuthorizationUrl());
      return failure(client.handleRedirectCallback(callback));
    };
    expect((await attempt(() => HttpResponse.json({ error: 'server_error' }, { status: 500 }))).code).to.equal('network_error');
    expect((await attempt(() => new HttpResponse('<html>Bad gateway</html>', { status: 502 }))).code).to.equal('network_error');
    const malformed = await attempt(() => new HttpResponse('{"access_token": ', { headers: { 'Content-Type': 'application/json' } }));
    expect(malformed.code).to.equal('invalid_response');
    const slow = await attempt(async () => {
      await delay(2000);
      return HttpResponse.json({});
    });
    expect(slow.code).to.equal('network_error');
  });

  for (const [direction, serverAhead] of [['behind', 600], ['ahead of', -600]] as const) {
    it(`signs in and refreshes on time although the browser clock is 10 minutes ${direction} the server`, async () => {
      const skewed = await setUpFake(new FakeAuthServer({ clockAheadSeconds: serverAhead, expiresIn: 60 }));
      await signIn(skewed, sdk);
      expect(sdk.isAuthenticated).to.equal(true);
      // Expiry counts from receipt on the local clock: the fresh token is used, not refreshed,
      // although by the server's clock it expired 9 minutes ago, or is not valid for 10.
      const first = await sdk.getAccessToken();
      expect(skewed.refreshRequests).to.equal(0);
      expect(sdk.expiresAt! - Date.now()).to.be.within(50_000, 60_000);
      // The refresh goes through too, and the user stays.
      const second = await sdk.getAccessToken({ forceRefresh: true });
      expect(second).not.to.equal(first);
      expect(sdk.user?.sub).to.equal('alice');
    });
  }

  it('keeps tokens out of localStorage, sessionStorage and cookies', async () => {
    await signIn(fake, sdk);
    const token = await sdk.getAccessToken();
    const everything = [
      ...Object.keys(localStorage).map((k) => localStorage.getItem(k)),
      ...Object.keys(sessionStorage).map((k) => sessionStorage.getItem(k)),
      document.cookie,
    ].join('\n');
    expect(everything).not.to.contain(token);
    expect(everything).not.to.contain('rt-');
  });

  it('with memory storage, a new client on the same page starts signed out', async () => {
    const memory = await makeClient({ storage: 'memory', clientId: 'memory-spa' });
    await signIn(fake, memory);
    const reloaded = await makeClient({ storage: 'memory', clientId: 'memory-spa' });
    expect(memory.isAuthenticated).to.equal(true);
    expect(reloaded.isAuthenticated).to.equal(false);
  });

  it('restores a stored session when the page loads again', async () => {
    const options = { clientId: 'restored-spa' };
    const first = await makeClient(options);
    await signIn(fake, first);
    first.close();
    const reloaded = await makeClient(options);
    expect(reloaded.isAuthenticated).to.equal(true);
    expect(reloaded.user?.sub).to.equal('alice');
  });
});

// Review of the logout-state / lazy-loading / client.ts split change (not run by the reviewer).
describe('review: regressions of the return-handling and refresh refactor', () => {
  let fake: FakeAuthServer;

  beforeEach(async () => {
    await resetBrowserState();
    fake = await setUpFake();
  });

  it('the elements do not report a sign-in on the return from logout({ endSession: true })', async () => {
    const clientId = freshClientId();
    const sdk = await makeClient({ clientId });
    // What logout({ endSession: true }) saves before it navigates (calling logout itself would leave the test page).
    const config = resolveConfig({ issuer: ISSUER, clientId, redirectUri: `${location.origin}/callback` }, location.origin, true) as ResolvedInteractiveConfig;
    const endSession = endSessionUrl({ issuer: ISSUER, end_session_endpoint: `${ISSUER}/logout` }, config, undefined, '/bye', {})!;
    const start = location.href;
    try {
      history.pushState(null, '', `/bye?state=${endSession.searchParams.get('state')}`);
      // <oauth-login> and <grantkit-provider> emit grantkit-signin whenever this is not undefined.
      const user = await completeSignInIfReturning(sdk);
      expect(sdk.isAuthenticated).to.equal(false);
      expect(user, 'a completed logout is not a sign-in').to.equal(undefined);
    } finally {
      history.replaceState(null, '', start);
    }
  });

  it('a logout confirmed after the transaction expired is still a logout; a pending logout makes no sign-in look started', async () => {
    const clientId = freshClientId();
    const sdk = await makeClient({ clientId });
    const config = resolveConfig({ issuer: ISSUER, clientId, redirectUri: `${location.origin}/callback` }, location.origin, true) as ResolvedInteractiveConfig;
    const slow = endSessionUrl({ issuer: ISSUER, end_session_endpoint: `${ISSUER}/logout` }, config, undefined, '/bye', {})!;
    const state = slow.searchParams.get('state')!;
    const key = `grantkit:tx:${state}`;
    sessionStorage.setItem(key, JSON.stringify({ ...JSON.parse(sessionStorage.getItem(key)!), expiresAt: Date.now() - 1 }));
    expect((await sdk.handleRedirectCallback(`${location.origin}/bye?state=${state}`)).signedOut).to.equal(true);

    endSessionUrl({ issuer: ISSUER, end_session_endpoint: `${ISSUER}/logout` }, config, undefined, '/bye', {});
    const forged = await sdk.handleRedirectCallback(`${location.origin}/callback?code=c&state=made-up`).catch((e: GrantkitError) => e);
    expect((forged as GrantkitError).code, 'no sign-in was started, only a logout').to.equal('no_transaction');
  });

  it('handleRedirectCallback(url) still reads a URL object it is given, not the page address', async () => {
    const sdk = await makeClient();
    const callback = new URL(await fake.authorize(await sdk.createAuthorizationUrl({ returnTo: '/from-url-object' })));
    // Before the change `handleRedirectCallback(new URL(...))` worked (URL.canParse and new URL take
    // a URL object); now the object is taken for options, `url` is missing, and location.href is read.
    const result = await sdk.handleRedirectCallback(callback as unknown as string);
    expect(result.returnTo).to.equal('/from-url-object');
    expect(sdk.isAuthenticated).to.equal(true);
  });

  it('with memory storage, a refresh waiting for the lock when the user signs out does not sign them back in', async () => {
    fake = await setUpFake(new FakeAuthServer({ revocation: false }));
    const clientId = freshClientId();
    const sdk = await makeClient({ clientId, storage: 'memory', autoRefresh: false });
    await signIn(fake, sdk);
    // Another tab holds the refresh lock (or discovery is slow): this tab's refresh waits.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let acquired!: () => void;
    const got = new Promise<void>((resolve) => (acquired = resolve));
    const holding = navigator.locks.request(`grantkit:refresh:${new URL(ISSUER).href} ${clientId}`, () => {
      acquired();
      return held;
    });
    await got;
    const refreshing = sdk.getAccessToken({ forceRefresh: true }).then(
      () => 'refreshed',
      (error: GrantkitError) => error.code,
    );
    await sleep(100);
    await sdk.logout();
    expect(sdk.isAuthenticated).to.equal(false);
    release();
    await holding;
    // Before the split the refresh read this.#tokens under the lock (gone: login_required);
    // refreshAcrossTabs now gets a copy taken before the wait, and refreshes with it.
    expect(await refreshing).to.equal('login_required');
    expect(fake.refreshRequests).to.equal(0);
    expect(sdk.isAuthenticated, 'still signed out after logout').to.equal(false);
  });
});
