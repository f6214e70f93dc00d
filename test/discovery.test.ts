import { expect } from '@open-wc/testing';
import { http, HttpResponse, delay } from 'msw';
import type { GrantkitError } from '../src/index.js';
import { ISSUER } from './support/fake-auth-server.js';
import { worker } from './support/msw.js';
import { makeClient, resetBrowserState, setUpFake } from './support/session.js';

// Discovery tries the other well-known URL only when the first says there is nothing there
// (404) or serves something that is not metadata; a timeout, a network failure or a 5xx is
// reported as what it is, and the other URL is not asked.
const OIDC = `${ISSUER}/.well-known/openid-configuration`;
const OAUTH = `${ISSUER}/.well-known/oauth-authorization-server`;

describe('discovery errors', () => {
  beforeEach(resetBrowserState);

  async function discoverWith(first: () => Response | Promise<Response>): Promise<{ error: GrantkitError | undefined; asked: string[] }> {
    await setUpFake();
    const asked: string[] = [];
    worker.use(
      http.get(OIDC, async () => {
        asked.push('oidc');
        return first();
      }),
      http.get(OAUTH, ({ request }) => {
        asked.push('oauth2');
        return HttpResponse.json({ issuer: ISSUER, authorization_endpoint: `${ISSUER}/authorize`, token_endpoint: `${ISSUER}/token`, response_types_supported: ['code'] }, { headers: { 'x-url': request.url } });
      }),
    );
    const sdk = await makeClient({ scope: 'openid', timeout: 300 });
    const error = await sdk.createAuthorizationUrl().then(() => undefined, (e: GrantkitError) => e);
    return { error, asked };
  }

  it('falls back to the other well-known URL when the first is a 404', async () => {
    const { error, asked } = await discoverWith(() => new HttpResponse('not here', { status: 404 }));
    expect(error).to.equal(undefined);
    expect(asked).to.deep.equal(['oidc', 'oauth2']);
  });

  it('falls back when the first serves something that is not metadata', async () => {
    const { error, asked } = await discoverWith(() => new HttpResponse('<html>portal</html>', { status: 200, headers: { 'content-type': 'text/html' } }));
    expect(error).to.equal(undefined);
    expect(asked).to.deep.equal(['oidc', 'oauth2']);
  });

  it('reports a 5xx as a network error with its status, and asks nothing else', async () => {
    const { error, asked } = await discoverWith(() => new HttpResponse('down', { status: 503 }));
    expect(error?.code).to.equal('network_error');
    expect(error?.status).to.equal(503);
    expect(asked).to.deep.equal(['oidc']);
  });

  it('reports a timeout as a timeout, and asks nothing else', async () => {
    const { error, asked } = await discoverWith(async () => {
      await delay(2000);
      return HttpResponse.json({});
    });
    expect(error?.code).to.equal('network_error');
    expect(error?.message).to.match(/timed out/);
    expect(asked).to.deep.equal(['oidc']);
  });

  it('reports a network failure as such, and asks nothing else', async () => {
    const { error, asked } = await discoverWith(() => HttpResponse.error());
    expect(error?.code).to.equal('network_error');
    expect(asked).to.deep.equal(['oidc']);
  });

  it('resolves the server before taking the cross-tab refresh lock, so other tabs do not wait on discovery', async () => {
    const fake = await setUpFake();
    fake.options.expiresIn = 0;
    const sdk = await makeClient({ scope: 'openid', autoRefresh: false });
    const url = await sdk.createAuthorizationUrl();
    await sdk.handleRedirectCallback(await fake.authorize(url));
    fake.options.expiresIn = 3600;
    // A cold discovery cache, and a slow discovery document.
    for (const key of Object.keys(sessionStorage)) if (key.startsWith('grantkit:discovery:')) sessionStorage.removeItem(key);
    let release!: () => void;
    const slow = new Promise<void>((resolve) => (release = resolve));
    worker.use(http.get(OIDC, async () => {
      await slow;
      return undefined;
    }));
    const refreshed = sdk.getAccessToken();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const { held = [] } = await navigator.locks.query();
    expect(held.map((l) => l.name).filter((name) => name?.startsWith('grantkit:refresh:'))).to.deep.equal([], 'the refresh lock is held during discovery');
    release();
    expect(await refreshed).to.match(/^at-/);
  });
});
