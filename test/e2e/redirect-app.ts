// A minimal app using the redirect flow, driven in its own tab by the
// `redirect-sign-in` test command: it writes what a user would see into #result.
import { createClient, isAuthorizationResponse } from '../../src/index.js';

const issuer = sessionStorage.getItem('test-issuer') ?? new URLSearchParams(location.search).get('issuer')!;
sessionStorage.setItem('test-issuer', issuer);
const sdk = await createClient({
  issuer,
  clientId: 'spa',
  redirectUri: `${location.origin}/test/e2e/redirect-app.html`,
  scope: 'openid profile email',
  allowedOrigins: [issuer],
});
const result: Record<string, unknown> = {};
if (isAuthorizationResponse()) {
  try {
    const { returnTo, signedOut } = await sdk.handleRedirectCallback();
    result.returnTo = returnTo;
    result.addressAfterCallback = location.search;
    if (signedOut) {
      result.signedOut = true;
    } else {
      const response = await sdk.fetch(`${issuer}/api/whoami`);
      result.api = { status: response.status, body: await response.json() };
    }
  } catch (error) {
    result.error = (error as { code?: string }).code ?? String(error);
  }
}
result.isAuthenticated = sdk.isAuthenticated;
result.user = sdk.user?.sub;
document.getElementById('result')!.textContent = JSON.stringify(result);
const button = document.getElementById('login') as HTMLButtonElement;
button.addEventListener('click', () => void sdk.login({ returnTo: '/test/e2e/redirect-app.html?view=projects', prompt: 'login' }));
button.disabled = false;
const logout = document.getElementById('logout') as HTMLButtonElement;
logout.addEventListener('click', () => void sdk.logout({ endSession: true, returnTo: '/test/e2e/redirect-app.html?view=bye', logoutParams: { ui_locales: 'de' } }));
logout.disabled = false;
