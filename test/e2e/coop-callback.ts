// The app's callback page, as an app would write it: it calls handleRedirectCallback,
// which, inside a sign-in popup, hands the response to the window that opened it.
import { createClient } from '../../src/index.js';

const issuer = new URLSearchParams(location.search).get('iss')!;
const sdk = await createClient({ issuer, clientId: 'spa', redirectUri: `${location.origin}/test/e2e/coop-callback.html`, scope: 'openid profile email' });
const result = await sdk.handleRedirectCallback();
document.getElementById('status')!.textContent = result.handledByOpener ? 'Signed in. You can close this window.' : 'Signed in.';
