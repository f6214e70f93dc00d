// The core client for a user's own sign-in, with no framework: the same work as useAuth's page
// in the React app, so that the two weigh the same thing.
import { createClient } from 'grantkit';

const fragment = new URLSearchParams(location.hash.slice(1));
const sdk = await createClient({ issuer: fragment.get('issuer') ?? '', clientId: fragment.get('client') ?? '', redirectUri: `${location.origin}${location.pathname}`, scope: 'openid profile' });
const button = document.createElement('button');
button.textContent = sdk.isAuthenticated ? 'Sign out' : 'Sign in';
button.addEventListener('click', () => void (sdk.isAuthenticated ? sdk.logout() : sdk.login()));
document.body.append(button);
