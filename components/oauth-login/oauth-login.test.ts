import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { GrantkitError, type GrantkitClient } from '../../src/index.js';
import { makeClient, resetBrowserState, setUpFake, signIn } from '../../test/support/session.js';
import { FakeAuthServer, ISSUER } from '../../test/support/fake-auth-server.js';
import { resolveConfig } from '../../src/config.js';
import { saveTransaction } from '../../src/transaction.js';
import '../shared/locales/de.js';
import './define.js';
import type { OAuthLogin } from './oauth-login.js';

/** A client whose sign-in the test controls, for the paths that would leave the page. */
class ScriptedClient extends EventTarget {
  isAuthenticated = false;
  user: Record<string, unknown> | undefined;
  calls: string[] = [];
  next: { resolve: () => void; reject: (e: unknown) => void } | undefined;
  login(): Promise<void> {
    this.calls.push('login');
    return new Promise((resolve, reject) => (this.next = { resolve, reject }));
  }
  loginWithPopup(): Promise<void> {
    this.calls.push('loginWithPopup');
    return new Promise((resolve, reject) => (this.next = { resolve: () => resolve(), reject }));
  }
  async logout(): Promise<void> {
    this.calls.push('logout');
    this.isAuthenticated = false;
    this.dispatchEvent(new CustomEvent('statechange'));
  }
}

const shadow = (el: OAuthLogin) => el.shadowRoot!;
const button = (el: OAuthLogin) => shadow(el).querySelector<HTMLButtonElement>('[part=button]')!;

describe('<oauth-login>', () => {
  beforeEach(async () => {
    await resetBrowserState();
  });

  it('waits for a client, then offers to sign in', async () => {
    const el = await fixture<OAuthLogin>(html`<oauth-login></oauth-login>`);
    expect(button(el).disabled).to.equal(true);
    expect(button(el).textContent!.trim()).to.equal('Loading…');
    await expect(el).to.be.accessible();
    await setUpFake();
    el.client = await makeClient();
    await el.updateComplete;
    expect(button(el).disabled).to.equal(false);
    expect(button(el).textContent!.trim()).to.equal('Sign in');
    await expect(el).to.be.accessible();
  });

  it('shows the signed-in user and signs out', async () => {
    const fake = await setUpFake();
    const sdk = await makeClient({ scope: 'openid profile' });
    await signIn(fake, sdk);
    const el = await fixture<OAuthLogin>(html`<oauth-login .client=${sdk}></oauth-login>`);
    expect(shadow(el).querySelector('[part=name]')!.textContent).to.equal('Alice');
    expect(shadow(el).querySelector('[part=user]')!.getAttribute('aria-label')).to.equal('Signed in as Alice');
    expect(button(el).textContent!.trim()).to.equal('Sign out');
    await expect(el).to.be.accessible();
    const signedOut = oneEvent(el, 'grantkit-signout');
    button(el).click();
    await signedOut;
    await el.updateComplete;
    expect(button(el).textContent!.trim()).to.equal('Sign in');
    expect(fake.revocations).to.have.length(2);
  });

  it('follows a sign-in and sign-out made elsewhere with the same client', async () => {
    const fake = await setUpFake();
    const sdk = await makeClient({ scope: 'openid profile' });
    const el = await fixture<OAuthLogin>(html`<oauth-login .client=${sdk}></oauth-login>`);
    expect(button(el).textContent!.trim()).to.equal('Sign in');
    await signIn(fake, sdk);
    await el.updateComplete;
    expect(shadow(el).querySelector('[part=name]')?.textContent).to.equal('Alice');
    await sdk.logout();
    await el.updateComplete;
    expect(button(el).textContent!.trim()).to.equal('Sign in');
  });

  it('shows progress while signing in, and a localized message when it fails', async () => {
    const client = new ScriptedClient();
    const el = await fixture<OAuthLogin>(html`<oauth-login popup .client=${client as unknown as GrantkitClient}></oauth-login>`);
    button(el).click();
    await el.updateComplete;
    expect(client.calls).to.deep.equal(['loginWithPopup']);
    expect(button(el).disabled).to.equal(true);
    expect(button(el).getAttribute('aria-busy')).to.equal('true');
    expect(button(el).textContent!.trim()).to.equal('Signing in…');
    await expect(el).to.be.accessible();

    const failed = oneEvent(el, 'grantkit-error');
    client.next!.reject(new GrantkitError('popup_blocked', 'blocked by the browser'));
    expect((await failed).detail.code).to.equal('popup_blocked');
    await el.updateComplete;
    const message = shadow(el).querySelector('[part=error]')!;
    expect(message.getAttribute('role')).to.equal('alert');
    expect(message.textContent).to.equal('The sign-in window was blocked. Allow pop-ups for this site and try again.');
    expect(button(el).disabled).to.equal(false, 'the user can try again');
    await expect(el).to.be.accessible();
  });

  it('says in words, in English and German, that a server without DPoP cannot sign in to an app that requires it', async () => {
    for (const [lang, expected] of [
      ['en', 'The sign-in service cannot bind tokens to this browser (DPoP), which this app requires.'],
      ['de', 'Der Anmeldedienst kann Tokens nicht an diesen Browser binden (DPoP), was diese App verlangt.'],
    ]) {
      const client = new ScriptedClient();
      const el = await fixture<OAuthLogin>(html`<oauth-login lang=${lang} .client=${client as unknown as GrantkitClient}></oauth-login>`);
      button(el).click();
      await el.updateComplete;
      client.next!.reject(new GrantkitError('dpop_unsupported', 'the server offers no DPoP'));
      await waitUntil(() => shadow(el).querySelector('[part=error]'));
      expect(shadow(el).querySelector('[part=error]')!.textContent).to.equal(expected);
    }
  });

  it('announces a popup sign-in', async () => {
    const client = new ScriptedClient();
    const el = await fixture<OAuthLogin>(html`<oauth-login popup .client=${client as unknown as GrantkitClient}></oauth-login>`);
    button(el).click();
    const signedIn = oneEvent(el, 'grantkit-signin');
    client.isAuthenticated = true;
    client.user = { sub: 'bo', name: 'Bo' };
    client.next!.resolve();
    const event = await signedIn;
    expect(event.detail.user).to.deep.equal({ sub: 'bo', name: 'Bo' });
    expect(event.bubbles && event.composed).to.equal(true);
  });

  it('announces no sign-in when the page is the return from a logout at the server', async () => {
    await setUpFake();
    const start = location.href;
    const redirectUri = `${location.origin}${location.pathname}`;
    // The transaction logout({ endSession: true }) leaves behind, for the state it sent.
    const { namespace } = resolveConfig({ issuer: ISSUER, clientId: 'spa', redirectUri }, location.origin, true) as { namespace: string };
    saveTransaction({ namespace, state: 'logout-state', codeVerifier: '', redirectUri, returnTo: location.pathname, mode: 'logout', expiresAt: Date.now() + 60_000 });
    history.pushState(null, '', `${location.pathname}?state=logout-state`);
    try {
      const events: Event[] = [];
      const el = await fixture<OAuthLogin>(html`<oauth-login issuer=${ISSUER} client-id="spa" @grantkit-signin=${(e: Event) => events.push(e)}></oauth-login>`);
      await waitUntil(() => !button(el).disabled, 'the element made its client');
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(events, 'a logout return is not a sign-in').to.have.length(0);
      expect(button(el).textContent!.trim()).to.equal('Sign in');
      expect(location.search, 'the state is taken out of the address').to.equal('');
    } finally {
      history.replaceState(null, '', start);
    }
  });

  it('configured by attributes, makes a DPoP client with dpop="required": a server without ES256 proofs is refused before any redirect', async () => {
    await resetBrowserState();
    await setUpFake(new FakeAuthServer({ dpopAlgs: ['EdDSA'] }));
    const el = await fixture<OAuthLogin>(html`<oauth-login issuer=${ISSUER} client-id="spa" dpop="required"></oauth-login>`);
    await waitUntil(() => !button(el).disabled, 'the element made its client');
    const failed = oneEvent(el, 'grantkit-error');
    button(el).click();
    expect((await failed).detail.code).to.equal('dpop_unsupported');
    await waitUntil(() => shadow(el).querySelector('[part=error]') !== null);
    expect(shadow(el).querySelector('[part=error]')!.textContent).to.equal(
      'The sign-in service cannot bind tokens to this browser (DPoP), which this app requires.',
    );
    expect(Object.keys(sessionStorage).filter((k) => k.startsWith('grantkit:tx:')), 'no sign-in was started').to.deep.equal([]);
  });

  it('redirects by default', async () => {
    const client = new ScriptedClient();
    const el = await fixture<OAuthLogin>(html`<oauth-login .client=${client as unknown as GrantkitClient}></oauth-login>`);
    button(el).click();
    expect(client.calls).to.deep.equal(['login']);
  });

  it('speaks German inside lang="de"', async () => {
    const client = new ScriptedClient();
    const wrapper = await fixture<HTMLElement>(html`<div lang="de"><oauth-login .client=${client as unknown as GrantkitClient}></oauth-login></div>`);
    const el = wrapper.querySelector('oauth-login')!;
    await el.updateComplete;
    expect(button(el).textContent!.trim()).to.equal('Anmelden');
  });

  it('can be themed through parts and custom properties', async () => {
    const client = new ScriptedClient();
    const el = await fixture<OAuthLogin>(html`<oauth-login style="--grantkit-color-accent: rgb(1, 2, 3)" .client=${client as unknown as GrantkitClient}></oauth-login>`);
    expect(getComputedStyle(button(el)).backgroundColor).to.equal('rgb(1, 2, 3)');
  });
});

describe('<oauth-login> colour schemes', () => {
  afterEach(async () => {
    const { emulateMedia } = await import('@web/test-runner-commands');
    await emulateMedia({ colorScheme: 'light' });
  });

  it('follows the page into dark mode, and stays accessible there', async () => {
    const { emulateMedia } = await import('@web/test-runner-commands');
    const client = new ScriptedClient();
    const el = await fixture<OAuthLogin>(html`<oauth-login .client=${client as unknown as GrantkitClient}></oauth-login>`);
    const light = getComputedStyle(button(el)).backgroundColor;
    await emulateMedia({ colorScheme: 'dark' });
    await el.updateComplete;
    const dark = getComputedStyle(button(el)).backgroundColor;
    expect(dark).not.to.equal(light);
    expect(dark).to.equal('rgb(145, 167, 255)');
    await expect(el).to.be.accessible();
  });
});
