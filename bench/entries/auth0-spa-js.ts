// @auth0/auth0-spa-js: the same four steps.
import { createAuth0Client } from '@auth0/auth0-spa-js';

const auth0 = await createAuth0Client({ domain: 'id.example.com', clientId: 'app', authorizationParams: { redirect_uri: `${location.origin}/callback` } });
if (location.search.includes('code=')) await auth0.handleRedirectCallback();
else if (!(await auth0.isAuthenticated())) await auth0.loginWithRedirect();
console.log(await auth0.getTokenSilently());
document.querySelector('#logout')?.addEventListener('click', () => void auth0.logout());
