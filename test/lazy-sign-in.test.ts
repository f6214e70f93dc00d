import { expect } from '@open-wc/testing';
import { isGrantkitError } from '../src/index.js';
import { FakeAuthServer } from './support/fake-auth-server.js';
import { browserRetriesFailedImports, failModule, transactions } from './support/lazy-modules.js';
import { worker } from './support/msw.js';
import { makeClient, resetBrowserState, setUpFake, signIn } from './support/session.js';

// The sign-in's part of test/lazy-parts.test.ts, on a page of its own: in a browser that keeps
// a failed import() (Chromium 150), the sign-in code stays unloadable for the rest of the page,
// and the tests there need a sign-in.

describe('the sign-in code, loaded when first needed', () => {
  let fake: FakeAuthServer;

  beforeEach(async () => {
    await resetBrowserState();
    fake = await setUpFake();
  });

  it('a sign-in whose code cannot load is a network_error, starts nothing, and works once it loads', async () => {
    failModule('sign-in');
    const sdk = await makeClient();
    const error: unknown = await sdk.createAuthorizationUrl().catch((e: unknown) => e);
    expect(isGrantkitError(error, 'network_error'), String(error)).to.equal(true);
    expect(transactions()).to.deep.equal([]);
    expect(fake.discoveryRequests).to.equal(0);

    worker.resetHandlers(...fake.handlers());
    if (!(await browserRetriesFailedImports())) {
      const again: unknown = await sdk.createAuthorizationUrl().catch((e: unknown) => e);
      expect(isGrantkitError(again, 'network_error'), 'still typed, and nothing started').to.equal(true);
      expect(transactions()).to.deep.equal([]);
      return;
    }
    await signIn(fake, sdk);
    expect(sdk.isAuthenticated).to.equal(true);
  });
});
