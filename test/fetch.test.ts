import { expect } from '@open-wc/testing';
import { createClient, type GrantkitClient, type GrantkitError } from '../src/index.js';
import { API, FakeAuthServer, OTHER } from './support/fake-auth-server.js';
import { makeClient, resetBrowserState, setUpFake, signIn } from './support/session.js';

describe('sdk.fetch', () => {
  let fake: FakeAuthServer;
  let sdk: GrantkitClient;

  beforeEach(async () => {
    await resetBrowserState();
    fake = await setUpFake();
    sdk = await makeClient({ allowedOrigins: [API] });
    await signIn(fake, sdk);
  });

  const authorizationSeenAt = (url: string) => fake.apiRequests.find((r) => r.url === url)?.authorization;

  it('sends the token to an allowed origin', async () => {
    const response = await sdk.fetch(`${API}/items`);
    expect(response.status).to.equal(200);
    expect(authorizationSeenAt(`${API}/items`)).to.equal(`Bearer ${await sdk.getAccessToken()}`);
  });

  it('never sends the token to an origin that is not allowed', async () => {
    await sdk.fetch(`${OTHER}/collect`);
    await sdk.fetch(new Request(`${OTHER}/collect2`, { method: 'POST', body: 'payload' }));
    // Same origin as the page, but not listed: allowedOrigins replaces the default.
    await sdk.fetch('/api/local');
    expect(fake.apiRequests.map((r) => r.authorization)).to.deep.equal([null, null, null]);
    expect(fake.apiRequests[1]!.body).to.equal('payload');
  });

  it('checks the very URL it sends to: an input that changes between reads, or a Request that lies about its url, gets no token', async () => {
    // An object whose string form is the allowed origin when read first, and another site afterwards.
    let reads = 0;
    const shifty = { toString: () => (reads++ === 0 ? `${API}/items` : `${OTHER}/stolen-1`) };
    await sdk.fetch(shifty as unknown as string);
    // A Request whose url getter names the allowed origin, while the request goes to another site.
    class Lying extends Request {
      override get url(): string {
        return `${API}/items`;
      }
    }
    await sdk.fetch(new Lying(`${OTHER}/stolen-2`));
    // The shifty input was read once: it went where it said first, and got the token there.
    expect(fake.apiRequests.filter((r) => r.url === `${OTHER}/stolen-1`)).to.deep.equal([]);
    expect(authorizationSeenAt(`${API}/items`)).to.equal(`Bearer ${await sdk.getAccessToken()}`);
    // The lying Request went where it really points, without the token.
    const stolen = fake.apiRequests.filter((r) => r.url === `${OTHER}/stolen-2`);
    expect(stolen.map((r) => r.authorization)).to.deep.equal([null]);
  });

  it('does not take a host that merely starts with an allowed origin', async () => {
    await sdk.fetch(`${API}.elsewhere.example.test/x`);
    await sdk.fetch(`${OTHER}/?next=${encodeURIComponent(API)}`);
    expect(fake.apiRequests.map((r) => r.authorization)).to.deep.equal([null, null]);
  });

  it('defaults to the page origin only', async () => {
    const local = await makeClient();
    await signIn(fake, local);
    await local.fetch('/api/mine');
    await local.fetch(`${API}/theirs`);
    expect(authorizationSeenAt(`${location.origin}/api/mine`)).to.match(/^Bearer at-/);
    expect(authorizationSeenAt(`${API}/theirs`)).to.equal(null);
  });

  it('refreshes once and retries once, with the same body, after a 401 invalid_token', async () => {
    const stale = await sdk.getAccessToken();
    fake.revokedAccessTokens.add(stale);
    const response = await sdk.fetch(`${API}/items`, { method: 'POST', body: JSON.stringify({ name: 'x' }) });
    expect(response.status).to.equal(200);
    expect(fake.refreshRequests).to.equal(1);
    expect(fake.apiRequests.map((r) => r.body)).to.deep.equal(['{"name":"x"}', '{"name":"x"}']);
    expect(fake.apiRequests[1]!.authorization).to.equal(`Bearer ${await sdk.getAccessToken()}`);
  });

  it('returns the second 401 to the caller instead of looping', async () => {
    const response = await sdk.fetch(`${API}/always-401`);
    expect(response.status).to.equal(401);
    expect(fake.refreshRequests).to.equal(1);
    expect(fake.apiRequests).to.have.length(2);
  });

  it('rejects with login_required when nobody is signed in, sending nothing', async () => {
    const signedOut = await makeClient({ allowedOrigins: [API] });
    const error = await signedOut.fetch(`${API}/items`).catch((e: GrantkitError) => e);
    expect((error as GrantkitError).code).to.equal('login_required');
    expect(fake.apiRequests).to.have.length(0);
  });

  it('works with a static token, and refuses to start a sign-in', async () => {
    const script = await createClient({ token: 'pat_abc', allowedOrigins: [API] });
    expect(script.isAuthenticated).to.equal(true);
    await script.fetch(`${API}/items`);
    await script.fetch(`${OTHER}/items`);
    expect(fake.apiRequests.map((r) => r.authorization)).to.deep.equal(['Bearer pat_abc', null]);
    const error = await script.login().catch((e: GrantkitError) => e);
    expect((error as GrantkitError).code).to.equal('config_invalid');
  });

  it('returns a 401 of a static token as is', async () => {
    const script = await createClient({ token: 'pat_revoked', allowedOrigins: [API] });
    const response = await script.fetch(`${API}/always-401`);
    expect(response.status).to.equal(401);
    expect(fake.apiRequests).to.have.length(1);
  });
});
