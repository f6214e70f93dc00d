import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { isGrantkitError } from '../src/index.js';
import { FakeAuthServer } from './support/fake-auth-server.js';
import { browserRetriesFailedImports } from './support/import-retry.js';
import { worker } from './support/msw.js';
import { makeClient, resetBrowserState, setUpFake, signIn } from './support/session.js';

// Sign-in, refresh and sign-out load with import() when first needed (src/load-part.ts).
// A load that fails (offline, or a deploy that removed the old chunk) must be a typed
// network_error that loses nothing, and a later attempt must load again where the browser
// retries a failed import (Chromium 150 does not: there the error stays typed, and the page
// needs a reload, as its message says). The failures come first in this file: once a part
// has loaded, the page keeps it. The sign-in's failure has a file (a page) of its own, since
// the other tests here need a sign-in.

/** Makes the browser's requests for one of the core's lazily loaded modules fail, as offline. */
function failModule(name: string): void {
  worker.use(http.get(new RegExp(`/src/${name}\\.(js|ts)(\\?|$)`), () => HttpResponse.error()));
}

const transactions = () => Object.keys(sessionStorage).filter((key) => key.startsWith('grantkit:tx:'));

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
