import { expect } from '@open-wc/testing';
import { executeServerCommand, sendMouse } from '@web/test-runner-commands';
import { get } from 'idb-keyval';
import { createStore } from 'idb-keyval';
import { DPoPKey } from '../../src/dpop.js';
import { createClient, type GrantkitClient, type InteractiveClientOptions } from '../../src/index.js';

// End to end against a real oidc-provider (see test/support/test-provider.mjs): its
// real login page, PKCE enforcement, `iss`, refresh-token rotation with reuse
// detection, and revocation.

interface ProviderInfo {
  issuer: string;
  otherOrigin: string;
}
interface ProviderLog {
  token: Array<{ event: string; grant_type: string; client_id: string; error?: string }>;
  revocation: Array<{ client_id: string; token_type_hint?: string; status: number }>;
  api: Array<{ host: string; path: string; authorization: string | null; dpop: string | null }>;
  par: Array<{ client_id: string; status: number }>;
  authorize: string[][];
}

const info = await executeServerCommand<ProviderInfo, undefined>('provider-info');
const providerLog = () => executeServerCommand<ProviderLog, undefined>('provider-log');
const clients: GrantkitClient[] = [];

const optionsFor = (clientId: string, extra: Partial<InteractiveClientOptions> = {}): InteractiveClientOptions => ({
  issuer: info!.issuer,
  clientId,
  redirectUri: `${location.origin}/test/e2e/callback.html`,
  scope: 'openid profile email',
  allowedOrigins: [info!.issuer],
  ...extra,
});

async function client(clientId: string, extra: Partial<InteractiveClientOptions> = {}): Promise<GrantkitClient> {
  const sdk = await createClient(optionsFor(clientId, extra));
  clients.push(sdk);
  return sdk;
}

/** The same client in another tab: the frame's own module instance of grantkit. */
const tabClient = (frame: HTMLIFrameElement, clientId: string, extra: Partial<InteractiveClientOptions> = {}) =>
  (frame.contentWindow as TabWindow).grantkit.createClient(optionsFor(clientId, extra));

/** Clicks a real button (a user gesture) that starts loginWithPopup, and signs in at the provider's page. */
async function signInWithPopup(sdk: GrantkitClient, login: string): Promise<{ handledByOpener?: boolean }> {
  const button = document.createElement('button');
  button.textContent = 'Sign in';
  button.style.cssText = 'position:fixed;left:10px;top:10px;width:120px;height:40px';
  document.body.append(button);
  const done = new Promise<{ handledByOpener?: boolean }>((resolve, reject) => {
    button.addEventListener('click', () => sdk.loginWithPopup({ prompt: 'login' }).then(resolve, reject), { once: true });
  });
  await sendMouse({ type: 'click', position: [40, 25] });
  await executeServerCommand('provider-sign-in', { login });
  const result = await done;
  button.remove();
  return result;
}

describe('end to end against oidc-provider', () => {
  beforeEach(async () => {
    for (const sdk of clients.splice(0)) sdk.close();
    sessionStorage.clear();
    await executeServerCommand('provider-clear-log');
  });

  it('sends no token along a redirect from an allowed origin to another one', async () => {
    await executeServerCommand('provider-clear-log');
    const secret = 'static-token-that-must-stay-home';
    const sdk = await createClient({ token: secret, allowedOrigins: [location.origin] });
    const response = await sdk.fetch('/test/redirect-away');
    expect(response.status, 'the API on the other origin saw no token').to.equal(401);
    const log = await providerLog();
    expect(log!.api.map((entry) => [entry.path, entry.authorization])).to.deep.equal([['/api/redirected', null]]);
    expect(JSON.stringify(log)).not.to.contain(secret);
  });

  it('signs in through the login page, calls an API, and revokes on logout', async () => {
    const sdk = await client('spa');
    await signInWithPopup(sdk, 'alice');
    expect(sdk.isAuthenticated).to.equal(true);
    expect(sdk.user).to.include({ sub: 'alice', name: 'User alice', email: 'alice@example.test' });

    const response = await sdk.fetch(`${info!.issuer}/api/whoami`);
    expect(response.status).to.equal(200);
    expect(await response.json()).to.deep.equal({ sub: 'alice', client_id: 'spa' });

    // Same server under another origin: not allowed, so no token goes there.
    const other = await sdk.fetch(`${info!.otherOrigin}/api/whoami`);
    expect(other.status).to.equal(401);
    const apiLog = (await providerLog()).api;
    expect(apiLog.map((r) => [r.host, r.authorization === null])).to.deep.equal([
      [new URL(info!.issuer).host, false],
      [new URL(info!.otherOrigin).host, true],
    ]);

    const token = await sdk.getAccessToken();
    await sdk.logout();
    const log = await providerLog();
    expect(log.revocation.map((r) => `${r.token_type_hint} ${r.status}`)).to.deep.equal(['refresh_token 200', 'access_token 200']);
    const afterLogout = await fetch(`${info!.issuer}/api/whoami`, { headers: { Authorization: `Bearer ${token}` } });
    expect(afterLogout.status).to.equal(401);
    expect(sdk.isAuthenticated).to.equal(false);
  });

  it('signs in with a whole-page redirect and returns to the page asked for', async () => {
    const result = await executeServerCommand<Record<string, unknown>, { login: string }>('redirect-sign-in', { login: 'erin' });
    expect(result).to.deep.include({
      returnTo: '/test/e2e/redirect-app.html?view=projects',
      addressAfterCallback: '',
      isAuthenticated: true,
      user: 'erin',
      api: { status: 200, body: { sub: 'erin', client_id: 'spa' } },
    });
  });

  it('signs out with the server session too: sends logoutParams and a state, and tells its own return from a made-up one', async () => {
    type Outcome = { signedIn: Record<string, unknown>; endSessionRequests: string[]; back: Record<string, unknown>; forged: Record<string, unknown> };
    const outcome = await executeServerCommand<Outcome, Record<string, never>>('redirect-sign-out', {});
    expect(outcome.signedIn).to.deep.include({ isAuthenticated: true, user: 'frank' });
    expect(outcome.endSessionRequests).to.have.length(1);
    const endSession = new URL(outcome.endSessionRequests[0]!);
    expect(endSession.searchParams.get('ui_locales')).to.equal('de');
    expect(endSession.searchParams.get('client_id')).to.equal('spa');
    expect(endSession.searchParams.get('post_logout_redirect_uri')).to.equal(`${location.origin}/test/e2e/redirect-app.html?view=bye`);
    const state = endSession.searchParams.get('state');
    expect(state).to.have.length.greaterThan(20);
    // Back from the provider with that state: a completed logout, and the address is clean.
    expect(outcome.back).to.deep.include({ signedOut: true, returnTo: '/test/e2e/redirect-app.html?view=bye', addressAfterCallback: '?view=bye', isAuthenticated: false });
    // A link with a state this tab never sent is not taken for a logout.
    expect(outcome.forged).to.deep.include({ error: 'no_transaction', isAuthenticated: false });
  });

  it('completes a popup sign-in whose callback page has a Cross-Origin-Opener-Policy', async () => {
    const sdk = await client('spa', { redirectUri: `${location.origin}/test/e2e/coop-callback.html` });
    const closed = await signInWithPopup(sdk, 'dave');
    expect(closed.handledByOpener).to.equal(undefined);
    expect(sdk.isAuthenticated).to.equal(true);
    expect(sdk.user?.sub).to.equal('dave');
    const log = await providerLog();
    expect(log.token.map((t) => `${t.event} ${t.grant_type}`)).to.deep.equal(['grant.success authorization_code']);
  });

  it('refreshes a short-lived token before it expires, with rotation', async () => {
    const sdk = await client('spa-short-lived');
    await signInWithPopup(sdk, 'bob');
    const first = await sdk.getAccessToken();
    await new Promise((resolve) => sdk.addEventListener('tokenrefresh', resolve, { once: true }));
    const second = await sdk.getAccessToken();
    expect(second).not.to.equal(first);
    const grants = (await providerLog()).token.map((t) => `${t.event} ${t.grant_type}`);
    expect(grants).to.deep.equal(['grant.success authorization_code', 'grant.success refresh_token']);
    const response = await sdk.fetch(`${info!.issuer}/api/whoami`);
    expect(await response.json()).to.deep.equal({ sub: 'bob', client_id: 'spa-short-lived' });
  });

  it('lets two tabs race a refresh without tripping reuse detection', async () => {
    const sdk = await client('spa', { autoRefresh: false });
    await signInWithPopup(sdk, 'carol');
    const tabs = await Promise.all([openTab(), openTab()]);
    const tabClients = await Promise.all(tabs.map((frame) => tabClient(frame, 'spa', { autoRefresh: false })));
    expect(tabClients.every((c) => c.isAuthenticated)).to.equal(true);
    await executeServerCommand('provider-clear-log');

    const [a, b] = await Promise.all(tabClients.map((c) => c.getAccessToken({ forceRefresh: true })));
    expect(a).to.equal(b);
    const log = await providerLog();
    expect(log.token.map((t) => `${t.event} ${t.grant_type}`)).to.deep.equal(['grant.success refresh_token']);

    // The session survived: another refresh works, and the API accepts the token.
    await tabClients[0]!.getAccessToken({ forceRefresh: true });
    const response = await tabClients[1]!.fetch(`${info!.issuer}/api/whoami`);
    expect(response.status).to.equal(200);
    tabClients.forEach((c) => c.close());
    await sdk.logout();
  });

  it('lets another tab refresh when the tab holding the refresh lock is closed mid-refresh', async () => {
    const sdk = await client('spa', { autoRefresh: false });
    await signInWithPopup(sdk, 'dave');
    const frame = await openTab();
    const tab = frame.contentWindow as TabWindow;
    // The closing tab's token request never comes back, as on a stalled network.
    let stalled!: () => void;
    const requestSent = new Promise<void>((resolve) => (stalled = resolve));
    tab.fetch = () => {
      stalled();
      return new Promise<Response>(() => undefined);
    };
    const closing = await tabClient(frame, 'spa', { autoRefresh: false });
    void closing.getAccessToken({ forceRefresh: true }).catch(() => undefined);
    await requestSent;
    await executeServerCommand('provider-clear-log');

    let settled = false;
    const refreshed = sdk.getAccessToken({ forceRefresh: true }).finally(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(settled, 'waits while the other tab holds the lock').to.equal(false);
    frame.remove();
    const token = await refreshed;
    expect(token).to.be.a('string');
    const log = await providerLog();
    expect(log.token.map((t) => `${t.event} ${t.grant_type}`)).to.deep.equal(['grant.success refresh_token']);
    expect((await sdk.fetch(`${info!.issuer}/api/whoami`)).status).to.equal(200);
    await sdk.logout();
  });
});

describe('DPoP end to end against oidc-provider', () => {
  const whoami = () => `${info!.issuer}/api/whoami`;
  const storedKey = (clientId: string) => get<CryptoKeyPair>(`${info!.issuer}/ ${clientId}`, createStore('grantkit-dpop', 'keys'));

  beforeEach(async () => {
    for (const sdk of clients.splice(0)) sdk.close();
    sessionStorage.clear();
    await executeServerCommand('provider-clear-log');
  });

  it('binds the tokens to a key the page cannot export; the API takes them with a proof and refuses a copy without it', async () => {
    const sdk = await client('spa-dpop', { dpop: true });
    await signInWithPopup(sdk, 'erin');
    // The token endpoint asked for its nonce first, and the retry with it succeeded.
    const grants = (await providerLog()).token.map((t) => `${t.event} ${t.grant_type} ${t.error ?? ''}`.trim());
    expect(grants).to.deep.equal(['grant.error authorization_code use_dpop_nonce', 'grant.success authorization_code']);

    const response = await sdk.fetch(whoami());
    expect(response.status).to.equal(200);
    const body = (await response.json()) as { sub: string; jkt?: string };
    expect(body.sub).to.equal('erin');
    const api = (await providerLog()).api.at(-1)!;
    expect(api.authorization).to.match(/^DPoP /);
    expect(api.dpop).to.be.a('string');

    const keys = (await storedKey('spa-dpop'))!;
    expect(keys.privateKey.extractable).to.equal(false);
    const exported = await crypto.subtle.exportKey('jwk', keys.privateKey).then(() => 'exported', () => 'refused');
    expect(exported).to.equal('refused');
    expect(await (await DPoPKey.from(keys)).thumbprint()).to.equal(body.jkt);

    // Copied out and replayed: as a bearer token, bare, or with a proof of another key.
    const token = await sdk.getAccessToken();
    const thief = await DPoPKey.from(await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']));
    const attempts: Array<Record<string, string>> = [
      { Authorization: `Bearer ${token}` },
      { Authorization: `DPoP ${token}` },
      { Authorization: `DPoP ${token}`, DPoP: await thief.proof('GET', whoami(), token, 0) },
    ];
    for (const headers of attempts) expect((await fetch(whoami(), { headers })).status).to.equal(401);
    await sdk.logout();
  });

  it('pushes the authorization request (PAR) with a proof, and the address bar carries only client_id and request_uri', async () => {
    const sdk = await client('spa-dpop', { dpop: true, par: true });
    await signInWithPopup(sdk, 'heidi');
    const log = await providerLog();
    // The PAR endpoint asked for its nonce first, as the token endpoint does.
    expect(log.par.map((p) => p.status)).to.deep.equal([400, 201]);
    expect(log.authorize[0]).to.deep.equal(['client_id', 'request_uri']);
    expect((await sdk.fetch(whoami())).status).to.equal(200);
    await sdk.logout();
  });

  it('survives the API rotating its nonce mid-session', async () => {
    const sdk = await client('spa-dpop', { dpop: true });
    await signInWithPopup(sdk, 'frank');
    expect((await sdk.fetch(whoami())).status).to.equal(200);
    await executeServerCommand('provider-clear-log');
    await executeServerCommand('provider-rotate-api-nonce');
    expect((await sdk.fetch(whoami())).status).to.equal(200);
    // One refusal naming the new nonce, then the retry with it.
    expect((await providerLog()).api).to.have.length(2);
    await executeServerCommand('provider-clear-log');
    expect((await sdk.fetch(whoami())).status).to.equal(200);
    expect((await providerLog()).api, 'the nonce is remembered').to.have.length(1);
    await sdk.logout();
  });

  it('keeps the key across a reload, refreshes and revokes with it, and drops it at sign-out', async () => {
    const sdk = await client('spa-dpop', { dpop: true, autoRefresh: false });
    await signInWithPopup(sdk, 'grace');
    const first = (await (await sdk.fetch(whoami())).json()) as { jkt: string };
    sdk.close();

    // A new page: its own module instance, the key and tokens from IndexedDB.
    const frame = await openTab();
    const reloaded = await tabClient(frame, 'spa-dpop', { autoRefresh: false, dpop: true });
    expect(reloaded.isAuthenticated).to.equal(true);
    const again = (await (await reloaded.fetch(whoami())).json()) as { jkt: string };
    expect(again.jkt).to.equal(first.jkt);

    await executeServerCommand('provider-clear-log');
    const before = await reloaded.getAccessToken();
    const refreshed = await reloaded.getAccessToken({ forceRefresh: true });
    expect(refreshed).not.to.equal(before);
    expect((await providerLog()).token.filter((t) => t.event === 'grant.success').map((t) => t.grant_type)).to.deep.equal(['refresh_token']);
    const after = (await (await reloaded.fetch(whoami())).json()) as { jkt: string };
    expect(after.jkt).to.equal(first.jkt);

    await reloaded.logout();
    const revocations = (await providerLog()).revocation;
    expect(revocations.map((r) => `${r.token_type_hint} ${r.status}`)).to.deep.equal(['refresh_token 200', 'access_token 200']);
    expect(await storedKey('spa-dpop')).to.equal(undefined);
    frame.remove();
  });
});

type TabWindow = Window & { grantkit: typeof import('../../src/index.js') };

/** A same-origin iframe standing in for another tab of the app, with grantkit loaded. */
function openTab(): Promise<HTMLIFrameElement> {
  return new Promise((resolve) => {
    const frame = document.createElement('iframe');
    frame.src = '/test/e2e/tab.html';
    frame.addEventListener('load', () => {
      const win = frame.contentWindow as TabWindow;
      if (win.grantkit) resolve(frame);
      else win.addEventListener('grantkit-ready', () => resolve(frame), { once: true });
    });
    document.body.append(frame);
  });
}
