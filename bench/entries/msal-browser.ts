// @azure/msal-browser: the same four steps.
import { PublicClientApplication } from '@azure/msal-browser';

const msal = new PublicClientApplication({ auth: { clientId: 'app', authority: 'https://id.example.com', redirectUri: `${location.origin}/callback` } });
await msal.initialize();
const result = await msal.handleRedirectPromise();
const account = result?.account ?? msal.getAllAccounts()[0];
if (!account) await msal.loginRedirect({ scopes: ['openid'] });
else console.log((await msal.acquireTokenSilent({ scopes: ['openid'], account })).accessToken);
document.querySelector('#logout')?.addEventListener('click', () => void msal.logoutRedirect());
