import { expect } from '@open-wc/testing';
import { isGrantkitError } from '../src/index.js';
import { FakeAuthServer } from './support/fake-auth-server.js';
import { browserRetriesFailedImports, failModule } from './support/lazy-modules.js';
import { worker } from './support/msw.js';
import { makeClient, resetBrowserState, setUpFake, signIn } from './support/session.js';

// Sign-in, refresh and sign-out load with import() when first needed (src/load-part.ts).
// A load that fails (offline, or a deploy that removed the old chunk) must be a typed
// network_error that loses nothing, and a later attempt must load again where the browser
// retries a failed import (Chromium 150 does not: there the error stays typed, and the page
// needs a reload, as its message says). The failures come first in this file: once a part
// has loaded, the page keeps it. The sign-in's failure has a file (a page) of its own, since
// the other tests here need a sign-in.

describe('parts of the core loaded when first needed', () => {
  let fake: FakeAuthServer;

  beforeEach(async () => {
    await resetBrowserState();
    fake = await setUpFake();
  });

  it('a refresh whose code cannot load keeps the session, and the next refresh works', async () => {
    fake.options.expiresIn = 0;
    const sdk = await makeClient({ autoRefresh: false });
    await signIn(fake, sdk);
    fake.options.expiresIn = 3600;
    failModule('refresh');
    const error: unknown = await sdk.getAccessToken().catch((e: unknown) => e);
    expect(isGrantkitError(error, 'network_error'), String(error)).to.equal(true);
    expect(sdk.isAuthenticated).to.equal(true);
    expect(fake.refreshRequests).to.equal(0);

    worker.resetHandlers(...fake.handlers());
    if (!(await browserRetriesFailedImports())) {
      const again: unknown = await sdk.getAccessToken().catch((e: unknown) => e);
      expect(isGrantkitError(again, 'network_error'), 'still typed, with nothing lost').to.equal(true);
      expect(sdk.isAuthenticated).to.equal(true);
      return;
    }
    expect(await sdk.getAccessToken()).to.equal(fake.issuedAccessTokens.at(-1));
    expect(fake.refreshRequests).to.equal(1);
  });

  it('a logout whose code cannot load still signs out here, and says the server was not told', async () => {
    const sdk = await makeClient();
    await signIn(fake, sdk);
    failModule('sign-out');
    const errors: unknown[] = [];
    sdk.addEventListener('error', (event) => errors.push(event.detail.error));
    await sdk.logout();
    expect(sdk.isAuthenticated).to.equal(false);
    expect(fake.revocations).to.have.length(0);
    expect(errors.some((e) => isGrantkitError(e, 'network_error')), String(errors)).to.equal(true);

    // Once it loads, a logout tells the server again: what was missing above was the code, not the server.
    worker.resetHandlers(...fake.handlers());
    await signIn(fake, sdk);
    if (!(await browserRetriesFailedImports())) {
      await sdk.logout();
      expect(sdk.isAuthenticated, 'signed out here all the same').to.equal(false);
      return;
    }
    await sdk.logout();
    expect(fake.revocations.length).to.be.greaterThan(0);
  });
});
