import { expect, waitUntil } from '@open-wc/testing';
import { StrictMode } from 'react';
import { createRoot, hydrateRoot, type Root } from 'react-dom/client';
import { useAuth, type Auth } from '../../components/react.js';
import { createClient, type InteractiveClientOptions } from '../../src/index.js';
import { ISSUER, type FakeAuthServer } from '../support/fake-auth-server.js';
import { freshClientId, resetBrowserState, setUpFake } from '../support/session.js';

// useAuth() under React StrictMode, which runs every effect twice: one code exchange,
// one callback, and state that follows the client.

describe('grantkit/react useAuth()', () => {
  let fake: FakeAuthServer;
  let root: Root;
  let host: HTMLDivElement;
  const testPage = location.pathname + location.search;
  let latest: Auth | undefined;
  let renders: string[];

  function App({ options }: { options: InteractiveClientOptions }) {
    const auth = useAuth(options);
    latest = auth;
    renders.push(auth.status);
    return <p id="who">{auth.status === 'signed-in' ? `Hello ${auth.user?.sub}` : auth.status === 'error' ? auth.error?.code : auth.status}</p>;
  }

  /** Puts the page where the server would send the user back, as a real redirect does. */
  async function returnFromServer(options: InteractiveClientOptions, overrides: Record<string, string> = {}): Promise<void> {
    const starter = await createClient(options);
    const callback = await fake.authorize(await starter.createAuthorizationUrl(), overrides);
    starter.close();
    history.replaceState(null, '', new URL(callback).pathname + new URL(callback).search);
  }

  const options = (): InteractiveClientOptions => ({ issuer: ISSUER, clientId: freshClientId(), redirectUri: `${location.origin}/callback`, scope: 'openid' });
  const render = (o: InteractiveClientOptions) => root.render(<StrictMode><App options={o} /></StrictMode>);
  const text = () => host.querySelector('#who')?.textContent;

  beforeEach(async () => {
    await resetBrowserState();
    fake = await setUpFake();
    renders = [];
    latest = undefined;
    host = document.createElement('div');
    document.body.append(host);
    root = createRoot(host);
  });

  afterEach(() => {
    root.unmount();
    host.remove();
    history.replaceState(null, '', testPage);
  });

  it("hydrates server-rendered HTML (loading) without a mismatch, then follows the client", async () => {
    const o = options();
    await returnFromServer(o);
    root.unmount();
    // What a server render of <App> sends: useAuth is 'loading' there (test/node/ssr.test.mjs).
    host.innerHTML = '<p id="who">loading</p>';
    const problems: unknown[] = [];
    const realError = console.error;
    console.error = (...args: unknown[]) => problems.push(args);
    try {
      root = hydrateRoot(host, <StrictMode><App options={o} /></StrictMode>, { onRecoverableError: (error) => problems.push(error) });
      await waitUntil(() => renders.length > 0, 'hydrated');
      expect(renders[0], 'the first render matches the server').to.equal('loading');
      await waitUntil(() => text() === 'Hello alice', 'signed in after hydration');
    } finally {
      console.error = realError;
    }
    expect(problems, 'no hydration mismatch').to.deep.equal([]);
  });

  it('completes a returning sign-in once under StrictMode, cleans the address bar and goes back where sign-in began', async () => {
    const o = options();
    await returnFromServer(o);
    render(o);
    await waitUntil(() => text() === 'Hello alice', 'signed in');
    expect(fake.tokenRequests.map((p) => p.get('grant_type'))).to.deep.equal(['authorization_code']);
    expect(location.search).not.to.contain('code=');
    expect(location.pathname + location.search).to.equal(testPage);
    expect(renders[0]).to.equal('loading');
    expect(latest!.isAuthenticated).to.equal(true);
  });

  it('gives tokens and fetch, and follows a sign-out', async () => {
    const o = options();
    await returnFromServer(o);
    render(o);
    await waitUntil(() => latest?.status === 'signed-in');
    expect(await latest!.getAccessToken()).to.match(/^at-/);
    // A refresh changes nothing the component shows: it does not render again.
    const rendered = renders.length;
    await latest!.getAccessToken({ forceRefresh: true });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(renders.length).to.equal(rendered);
    await latest!.fetch('/api/hello');
    expect(fake.apiRequests.at(-1)!.authorization).to.match(/^Bearer at-/);
    await latest!.logout();
    await waitUntil(() => text() === "signed-out", "signed out");
    expect(fake.revocations).to.have.length(2);
  });

  it('shows a refused callback as an error with its code, asking for no tokens', async () => {
    const o = options();
    await returnFromServer(o, { state: 'forged' });
    render(o);
    // An unknown state is first offered to a popup's opener, which takes a second to stay silent.
    await waitUntil(() => latest?.status === 'error', 'refused', { timeout: 3000 });
    expect(text()).to.equal('state_mismatch');
    expect(fake.tokenRequests).to.have.length(0);
  });

  it('starts signed out without a response in the address bar, and shares one client among components', async () => {
    const o = options();
    render(o);
    await waitUntil(() => text() === 'signed-out');
    const first = latest!.client;
    root.render(<StrictMode><App options={{ ...o }} /><App options={{ ...o }} /></StrictMode>);
    await waitUntil(() => renders.length > 4);
    expect(latest!.client).to.equal(first);
  });
});
