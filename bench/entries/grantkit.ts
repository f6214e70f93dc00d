// grantkit core: sign in, complete the callback, get a token, sign out.
import { createClient } from '../../dist/grantkit.js';

const sdk = await createClient({ issuer: 'https://id.example.com', clientId: 'app', redirectUri: `${location.origin}/callback` });
if (location.search.includes('code=')) await sdk.handleRedirectCallback();
else if (!sdk.isAuthenticated) await sdk.login();
console.log(await sdk.getAccessToken());
document.querySelector('#logout')?.addEventListener('click', () => void sdk.logout());
