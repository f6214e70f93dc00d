import { expect } from '@open-wc/testing';
import type { GrantkitError } from '../src/index.js';
import { FakeAuthServer } from './support/fake-auth-server.js';
import { makeClient, setUpFake, signIn } from './support/session.js';

// Faults a browser puts in the way. This file's page has no IndexedDB at all, as in some
// private modes and locked-down browsers: the first thing it does is take it away.
const open = IDBFactory.prototype.open;
IDBFactory.prototype.open = function refuse() {
  throw new DOMException('The user denied permission to access the database.', 'SecurityError');
};

describe('faults: IndexedDB unavailable', () => {
  after(() => {
    IDBFactory.prototype.open = open;
  });

  it('falls back to memory, says so through an event, and still signs in', async () => {
    const fake = await setUpFake();
    const sdk = await makeClient({ scope: 'openid profile' });
    const reported = await new Promise<GrantkitError>((resolve) => sdk.addEventListener('error', (e) => resolve(e.detail.error), { once: true }));
    expect(reported.code).to.equal('storage_unavailable');
    expect(sdk.storage).to.equal('memory');
    await signIn(fake, sdk);
    expect(sdk.isAuthenticated).to.equal(true);
    expect(await sdk.getAccessToken()).to.be.a('string');
  });

  it('keeps a DPoP key in memory, says so, and still binds the tokens: never a fall back to bearer', async () => {
    sessionStorage.clear(); // the first test's cached metadata, which offers no DPoP
    const fake = await setUpFake(new FakeAuthServer({ dpopAlgs: ['ES256'] }));
    const sdk = await makeClient({ dpop: true });
    const reported = await new Promise<GrantkitError>((resolve) => sdk.addEventListener('error', (e) => resolve(e.detail.error), { once: true }));
    expect(reported.code).to.equal('storage_unavailable');
    await signIn(fake, sdk);
    expect(fake.tokenProofs[0]).to.be.a('string');
    await sdk.fetch('/api/bound');
    expect(fake.apiRequests.at(-1)!.authorization).to.match(/^DPoP /);
  });
});
