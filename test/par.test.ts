import { expect } from '@open-wc/testing';
import type { GrantkitError } from '../src/index.js';
import { FakeAuthServer } from './support/fake-auth-server.js';
import { makeClient, resetBrowserState, setUpFake, signIn } from './support/session.js';

// Pushed authorization requests (RFC 9126): what leaves through the address bar.

describe('pushed authorization requests', () => {
  beforeEach(resetBrowserState);

  it('with par: true, pushes every parameter and sends the browser with client_id and request_uri only', async () => {
    const fake = await setUpFake(new FakeAuthServer({ par: 'offered' }));
    const sdk = await makeClient({ par: true, scope: 'openid profile', audience: 'https://api.example.test' });
    const url = await sdk.createAuthorizationUrl();
    expect([...url.searchParams.keys()]).to.deep.equal(['client_id', 'request_uri']);
    const pushed = fake.pushed[0]!.params;
    expect(pushed.get('code_challenge_method')).to.equal('S256');
    for (const name of ['state', 'nonce', 'code_challenge', 'redirect_uri', 'scope', 'audience']) expect(pushed.get(name), name).to.be.a('string');
    await sdk.handleRedirectCallback(await fake.authorize(url));
    expect(sdk.isAuthenticated).to.equal(true);
  });

  it('pushes by itself when the server requires it, and not when it merely offers it', async () => {
    const requiring = await setUpFake(new FakeAuthServer({ par: 'required' }));
    const sdk = await makeClient();
    await signIn(requiring, sdk);
    expect(requiring.pushed).to.have.length(1);

    sessionStorage.clear(); // the first server's cached metadata
    const offering = await setUpFake(new FakeAuthServer({ par: 'offered' }));
    const plain = await makeClient();
    expect((await plain.createAuthorizationUrl()).searchParams.has('state')).to.equal(true);
    expect(offering.pushed).to.have.length(0);
  });

  it('with par: true, refuses a server without a PAR endpoint before any redirect', async () => {
    await setUpFake(new FakeAuthServer());
    const sdk = await makeClient({ par: true });
    const error = (await sdk.createAuthorizationUrl().catch((e: GrantkitError) => e)) as GrantkitError;
    expect(error.code).to.equal('config_invalid');
  });

  it('sends a DPoP proof with the pushed request, and dpop_jkt in it', async () => {
    const fake = await setUpFake(new FakeAuthServer({ par: 'required', dpopAlgs: ['ES256'] }));
    const sdk = await makeClient({ dpop: true });
    await signIn(fake, sdk);
    expect(fake.pushed[0]!.dpop).to.be.a('string');
    expect(fake.pushed[0]!.params.get('dpop_jkt')).to.match(/^[\w-]{43}$/);
    expect(fake.tokenProofs[0]).to.be.a('string');
  });
});
