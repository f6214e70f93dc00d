import * as oauth from 'oauth4webapi';
import type { ResolvedInteractiveConfig } from './config.js';
import type { TokenSet } from './token-store.js';
import { saveTransaction, TRANSACTION_TTL_MS } from './transaction.js';

/** The RP-initiated logout URL (OpenID Connect RP-Initiated Logout 1.0 §2), or undefined when the server has none. */
export function endSessionUrl(
  server: oauth.AuthorizationServer,
  config: ResolvedInteractiveConfig,
  tokens: TokenSet | undefined,
  returnTo: string | undefined,
  extra: Record<string, string>,
): URL | undefined {
  if (!server.end_session_endpoint) return undefined;
  const url = new URL(server.end_session_endpoint);
  for (const [name, value] of Object.entries(extra)) url.searchParams.set(name, value);
  url.searchParams.set('client_id', config.clientId);
  if (tokens?.idToken) url.searchParams.set('id_token_hint', tokens.idToken);
  const back = returnTo === undefined ? config.postLogoutRedirectUri : new URL(returnTo, location.href).href;
  url.searchParams.set('post_logout_redirect_uri', back);
  // Some servers send the browser back only with a state; and with one the app can tell its own
  // logout's return from a link someone made up (handleRedirectCallback answers signedOut).
  const state = oauth.generateRandomState();
  url.searchParams.set('state', state);
  const path = new URL(back);
  try {
    saveTransaction({
      namespace: config.namespace, state, codeVerifier: '', redirectUri: back,
      returnTo: `/${path.pathname.replace(/^\/+/, '')}${path.search}${path.hash}`, mode: 'logout', expiresAt: Date.now() + TRANSACTION_TTL_MS,
    });
  } catch {
    // sessionStorage is full or denied: the logout still goes ahead; its return will read as unknown (no_transaction).
  }
  return url;
}
