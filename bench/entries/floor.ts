// The floor: the bare oauth4webapi and idb-keyval calls any such client makes (discovery,
// PKCE, state, the code exchange, refresh, revocation, token storage), with nothing around them.
import * as oauth from 'oauth4webapi';
import { del, get, set } from 'idb-keyval';

const issuer = new URL('https://id.example.com');
const client: oauth.Client = { client_id: 'app' };
const as = await oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer));
const redirectUri = `${location.origin}/callback`;
if (location.search.includes('code=')) {
  const saved = JSON.parse(sessionStorage.getItem('tx')!) as { verifier: string; state: string; nonce: string };
  const params = oauth.validateAuthResponse(as, client, new URL(location.href), saved.state);
  const response = await oauth.authorizationCodeGrantRequest(as, client, oauth.None(), params, redirectUri, saved.verifier);
  await set('tokens', await oauth.processAuthorizationCodeResponse(as, client, response, { expectedNonce: saved.nonce }));
} else if (!(await get('tokens'))) {
  const verifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  const nonce = oauth.generateRandomNonce();
  sessionStorage.setItem('tx', JSON.stringify({ verifier, state, nonce }));
  const url = new URL(as.authorization_endpoint!);
  url.search = new URLSearchParams({ client_id: 'app', redirect_uri: redirectUri, response_type: 'code', scope: 'openid', state, nonce,
    code_challenge: await oauth.calculatePKCECodeChallenge(verifier), code_challenge_method: 'S256' }).toString();
  location.assign(url);
}
const tokens = (await get('tokens')) as oauth.TokenEndpointResponse;
const refreshed = await oauth.processRefreshTokenResponse(as, client, await oauth.refreshTokenGrantRequest(as, client, oauth.None(), tokens.refresh_token!));
await set('tokens', refreshed);
console.log(refreshed.access_token);
document.querySelector('#logout')?.addEventListener('click', async () => {
  await oauth.processRevocationResponse(await oauth.revocationRequest(as, client, oauth.None(), refreshed.refresh_token ?? refreshed.access_token));
  await del('tokens');
});
