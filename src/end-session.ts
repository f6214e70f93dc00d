import type * as oauth from 'oauth4webapi';
import type { ResolvedInteractiveConfig } from './config.js';
import type { TokenSet } from './token-store.js';

/** The RP-initiated logout URL (OpenID Connect RP-Initiated Logout 1.0 §2), or undefined when the server has none. */
export function endSessionUrl(server: oauth.AuthorizationServer, config: ResolvedInteractiveConfig, tokens: TokenSet | undefined, returnTo: string | undefined): URL | undefined {
  if (!server.end_session_endpoint) return undefined;
  const url = new URL(server.end_session_endpoint);
  url.searchParams.set('client_id', config.clientId);
  if (tokens?.idToken) url.searchParams.set('id_token_hint', tokens.idToken);
  url.searchParams.set('post_logout_redirect_uri', returnTo === undefined ? config.postLogoutRedirectUri : new URL(returnTo, location.href).href);
  return url;
}
