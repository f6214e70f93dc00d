// keycloak-js: the same four steps (init completes the callback).
import Keycloak from 'keycloak-js';

const keycloak = new Keycloak({ url: 'https://id.example.com', realm: 'app', clientId: 'app' });
const signedIn = await keycloak.init({ onLoad: 'check-sso', pkceMethod: 'S256' });
if (!signedIn) await keycloak.login();
await keycloak.updateToken(30);
console.log(keycloak.token);
document.querySelector('#logout')?.addEventListener('click', () => void keycloak.logout());
