import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { createAdminClient } from '../../src/admin/index.js';
import { FakeAuthServer, ISSUER } from '../../test/support/fake-auth-server.js';
import { worker } from '../../test/support/msw.js';
import { makeClient, resetBrowserState, setUpFake, signIn } from '../../test/support/session.js';
import '../integration-list/define.js';
import '../oauth-login/define.js';
import './define.js';
import type { GrantkitProvider } from './grantkit-provider.js';

const API = 'https://api.example.test/admin/v1';

window.addEventListener('error', (e) => {
  if (e.message?.includes('ResizeObserver loop')) e.stopImmediatePropagation();
}, true);

describe('<grantkit-provider>', () => {
  let fake: FakeAuthServer;
  let meRequests: number;
  let listAuthorization: string[];

  beforeEach(async () => {
    await resetBrowserState();
    fake = await setUpFake();
    meRequests = 0;
    listAuthorization = [];
    worker.use(
      http.get(`${API}/me`, () => {
        meRequests++;
        return HttpResponse.json({ sub: 'alice', roles: ['admin'], permissions: ['integrations:read'], auth: 'access_token' });
      }),
      http.get(`${API}/integrations`, ({ request }) => {
        listAuthorization.push(request.headers.get('authorization') ?? 'none');
        return HttpResponse.json({ items: [], next_cursor: null });
      }),
    );
  });

  it('gives nested elements the client and the admin client, which calls the API with the user token', async () => {
    const sdk = await makeClient({ allowedOrigins: ['https://api.example.test'] });
    await signIn(fake, sdk);
    const provider = await fixture<GrantkitProvider>(html`
      <grantkit-provider .sdk=${sdk} admin-base-url=${API}>
        <section>
          <oauth-login></oauth-login>
          <integration-list></integration-list>
        </section>
      </grantkit-provider>
    `);
    const login = provider.querySelector('oauth-login')!;
    const list = provider.querySelector('integration-list')!;
    await waitUntil(() => login.shadowRoot!.querySelector('[part=name]')?.textContent === 'Alice', 'the login element found the client');
    await waitUntil(() => list.shadowRoot!.querySelector('[part=empty]') !== null, 'the list loaded through the admin client');
    expect(listAuthorization).to.deep.equal([`Bearer ${await sdk.getAccessToken()}`]);
    await expect(provider).to.be.accessible();
  });

  it('says when the client it made from its attributes is ready, with the admin client beside it', async () => {
    const holder = document.createElement('div');
    document.body.append(holder);
    const ready = oneEvent(holder, 'grantkit-ready');
    holder.innerHTML = `<grantkit-provider issuer="${ISSUER}" client-id="provider-ready" admin-base-url="${API}"></grantkit-provider>`;
    const { detail } = await ready;
    const provider = holder.firstElementChild as GrantkitProvider;
    expect(detail.sdk).to.equal(provider.sdk);
    expect(detail.admin).to.equal(provider.admin);
    expect(detail.sdk.isAuthenticated).to.equal(false);
    holder.remove();
  });

  it('makes its clients again when its attributes change, and the elements inside move to them; the newest change wins', async () => {
    const OTHER_API = 'https://api.example.test/other/v1';
    let otherLists = 0;
    worker.use(
      http.get(`${OTHER_API}/me`, () => HttpResponse.json({ sub: 'alice', roles: ['admin'], permissions: ['integrations:read'], auth: 'access_token' })),
      http.get(`${OTHER_API}/integrations`, () => (otherLists++, HttpResponse.json({ items: [], next_cursor: null }))),
    );
    const holder = document.createElement('div');
    document.body.append(holder);
    const first = oneEvent(holder, 'grantkit-ready');
    holder.innerHTML = `<grantkit-provider issuer="${ISSUER}" client-id="provider-a" admin-base-url="${API}"><integration-list></integration-list></grantkit-provider>`;
    const a = (await first).detail;
    const provider = holder.firstElementChild as GrantkitProvider;
    const list = provider.querySelector('integration-list')!;

    // Two changes in a row, as a framework re-rendering twice: one client, for the last.
    const ready: Array<{ sdk: unknown }> = [];
    holder.addEventListener('grantkit-ready', (e) => ready.push(e.detail));
    provider.clientId = 'provider-b';
    await provider.updateComplete;
    provider.clientId = 'provider-c';
    await waitUntil(() => ready.length > 0, 'a new client');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(ready.length, 'the client for provider-b was dropped').to.equal(1);
    expect(provider.sdk).to.equal(ready[0]!.sdk);
    expect(provider.sdk).not.to.equal(a.sdk);
    expect(provider.admin, 'the admin client uses the new client').not.to.equal(a.admin);

    provider.adminBaseUrl = OTHER_API;
    await waitUntil(() => otherLists > 0, 'the list inside asks the new admin API');
    holder.remove();
  });

  it('leaves clients the page handed in to the page', async () => {
    const sdk = await makeClient({ allowedOrigins: ['https://api.example.test'] });
    const admin = createAdminClient({ baseUrl: API });
    const provider = await fixture<GrantkitProvider>(html`<grantkit-provider .sdk=${sdk} .admin=${admin} issuer=${ISSUER} client-id="handed-in" admin-base-url=${API}></grantkit-provider>`);
    provider.clientId = 'changed';
    provider.adminBaseUrl = 'https://api.example.test/other/v1';
    await provider.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(provider.sdk).to.equal(sdk);
    expect(provider.admin).to.equal(admin);
  });

  it('asks /me once for all the elements, and again after the user changes', async () => {
    const sdk = await makeClient({ allowedOrigins: ['https://api.example.test'] });
    await signIn(fake, sdk);
    const provider = await fixture<GrantkitProvider>(html`<grantkit-provider .sdk=${sdk} admin-base-url=${API}><oauth-login></oauth-login></grantkit-provider>`);
    await provider.updateComplete;
    await waitUntil(() => meRequests === 1);
    provider.requestUpdate();
    await provider.updateComplete;
    expect((await provider.me)!.sub, 'the page reads the same answer').to.equal('alice');
    expect(meRequests).to.equal(1);
    await sdk.logout();
    expect(provider.me, 'nobody is signed in').to.equal(undefined);
    await signIn(fake, sdk);
    await waitUntil(() => meRequests === 2, 'asked again for the new session');
  });

  it('lets a property on an element override what the provider gives', async () => {
    const sdk = await makeClient({ allowedOrigins: ['https://api.example.test'] });
    const own = createAdminClient({ baseUrl: 'https://other.example.test/admin/v1' });
    let otherCalls = 0;
    worker.use(http.get('https://other.example.test/admin/v1/integrations', () => {
      otherCalls++;
      return HttpResponse.json({ items: [], next_cursor: null });
    }));
    const provider = await fixture<GrantkitProvider>(html`<grantkit-provider .sdk=${sdk} admin-base-url=${API}><integration-list .admin=${own}></integration-list></grantkit-provider>`);
    const list = provider.querySelector('integration-list')!;
    await waitUntil(() => list.shadowRoot!.querySelector('[part=empty]') !== null);
    expect(otherCalls).to.equal(1);
    expect(listAuthorization).to.deep.equal([]);
  });
});

describe('<grantkit-provider> upgraded after the elements inside it', () => {
  it('still reaches them', async () => {
    await resetBrowserState();
    const fake = await setUpFake();
    const sdk = await makeClient();
    await signIn(fake, sdk);
    const host = await fixture<HTMLElement>(html`<late-grantkit-provider><oauth-login></oauth-login></late-grantkit-provider>`);
    const login = host.querySelector('oauth-login')!;
    await login.updateComplete;
    expect(login.shadowRoot!.querySelector('[part=button]')!.textContent!.trim()).to.equal('Loading…');
    // Only now does the provider's element get defined, as when scripts load in another order.
    const { GrantkitProvider } = await import('./grantkit-provider.js');
    customElements.define('late-grantkit-provider', class extends GrantkitProvider {});
    (host as GrantkitProvider).sdk = sdk;
    await waitUntil(() => login.shadowRoot!.querySelector('[part=name]')?.textContent === 'Alice', 'the element got the client from the late provider');
  });
});
