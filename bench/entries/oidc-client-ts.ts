// oidc-client-ts: the same four steps.
import { UserManager } from 'oidc-client-ts';

const users = new UserManager({ authority: 'https://id.example.com', client_id: 'app', redirect_uri: `${location.origin}/callback` });
if (location.search.includes('code=')) await users.signinCallback();
else if (!(await users.getUser())) await users.signinRedirect();
console.log((await users.getUser())?.access_token);
document.querySelector('#logout')?.addEventListener('click', () => void users.signoutRedirect());
