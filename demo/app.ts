// The demo app: signs in against the reference server with grantkit and calls a
// protected API with sdk.fetch. DOM is built with textContent only: the page runs
// with Trusted Types enforced, so no HTML strings.
import '../components/oauth-login/define.js';
import { createClient, isAuthorizationResponse, isGrantkitError, type GrantkitClient } from '../src/index.js';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

function logEvent(text: string): void {
  const item = document.createElement('li');
  item.textContent = `${new Date().toLocaleTimeString()} — ${text}`;
  $('events').prepend(item);
}

function showError(error: unknown): void {
  const box = $('error');
  box.hidden = false;
  box.textContent = isGrantkitError(error) ? `${error.message} (${error.code})` : String(error);
}

function render(sdk: GrantkitClient): void {
  const user = sdk.user;
  $('status').textContent = sdk.isAuthenticated
    ? `Signed in as ${String(user?.name ?? user?.sub ?? 'unknown')}`
    : 'You are signed out.';
  $('signed-in').hidden = !sdk.isAuthenticated;
  $('signed-out').hidden = sdk.isAuthenticated;
  $('details').hidden = !sdk.isAuthenticated;
  if (!sdk.isAuthenticated) $('api').hidden = true;

  const claims = $('claims');
  claims.replaceChildren();
  for (const [name, value] of Object.entries(user ?? {})) {
    if (!['sub', 'name', 'email', 'roles'].includes(name)) continue;
    const dt = document.createElement('dt');
    dt.textContent = name;
    const dd = document.createElement('dd');
    dd.textContent = Array.isArray(value) ? value.join(', ') : String(value);
    claims.append(dt, dd);
  }
  const expiresAt = sdk.expiresAt;
  if (expiresAt !== undefined) $('expiry').textContent = `Expires at ${new Date(expiresAt).toLocaleTimeString()}; grantkit refreshes it shortly before.`;
  $('binding').textContent =
    sdk.tokenType === 'dpop'
      ? 'Bound to a key this browser holds and cannot export (DPoP): a copy of the token is useless elsewhere.'
      : 'A bearer token: whoever holds it can use it.';
}

async function busy(button: HTMLButtonElement, task: () => Promise<void>): Promise<void> {
  button.disabled = true;
  $('error').hidden = true;
  try {
    await task();
  } catch (error) {
    showError(error);
  } finally {
    button.disabled = false;
  }
}

async function main(): Promise<void> {
  const sdk = await createClient({
    issuer: location.origin,
    clientId: 'grantkit-demo-dpop',
    redirectUri: `${location.origin}/`,
    // Tokens bound to a key this browser holds and cannot export (DPoP, RFC 9449).
    dpop: true,
    // The sign-in request is pushed to the server first (PAR, RFC 9126): the address bar shows only a reference to it.
    par: true,
    scope: 'openid profile email roles grantkit:admin',
    // An access token for the admin API (RFC 8707): a JWT whose audience is that API.
    resource: `${location.origin}/admin/v1`,
  });

  // The element in the header signs in and out with this same client.
  document.querySelector('oauth-login')!.client = sdk;

  sdk.addEventListener('statechange', (e) => {
    logEvent(e.detail.isAuthenticated ? 'statechange: signed in' : 'statechange: signed out');
    render(sdk);
  });
  sdk.addEventListener('tokenrefresh', (e) => {
    logEvent('tokenrefresh: new access token');
    render(sdk);
  });
  sdk.addEventListener('sessionexpired', () => logEvent('sessionexpired: please sign in again'));
  sdk.addEventListener('error', (e) => logEvent(`error: ${e.detail.error.code}`));

  if (isAuthorizationResponse()) {
    try {
      const { handledByOpener, signedOut } = await sdk.handleRedirectCallback({ restoreReturnTo: true });
      if (handledByOpener) {
        $('status').textContent = 'Signed in. You can close this window.';
        return;
      }
      if (signedOut) logEvent('signed out at the sign-in server too');
      else logEvent('signed in through the redirect');
    } catch (error) {
      showError(error);
    }
  }
  render(sdk);

  $<HTMLButtonElement>('login').addEventListener('click', (e) => void busy(e.currentTarget as HTMLButtonElement, () => sdk.login()));
  $<HTMLButtonElement>('login-popup').addEventListener('click', (e) =>
    void busy(e.currentTarget as HTMLButtonElement, async () => {
      await sdk.loginWithPopup();
      logEvent('signed in through the popup');
    }),
  );
  $<HTMLButtonElement>('call-api').addEventListener('click', (e) =>
    void busy(e.currentTarget as HTMLButtonElement, async () => {
      const response = await sdk.fetch('/admin/v1/me');
      $('api').hidden = false;
      $('api-result').textContent = `HTTP ${response.status}\n${JSON.stringify(await response.json(), null, 2)}`;
    }),
  );
  $<HTMLButtonElement>('refresh').addEventListener('click', (e) =>
    void busy(e.currentTarget as HTMLButtonElement, async () => {
      await sdk.getAccessToken({ forceRefresh: true });
    }),
  );
  $<HTMLButtonElement>('logout').addEventListener('click', (e) =>
    void busy(e.currentTarget as HTMLButtonElement, async () => {
      // Ends the authorization server's session too, so the next sign-in asks again.
      await sdk.logout({ endSession: true });
    }),
  );
}

main().catch(showError);
