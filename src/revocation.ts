import * as oauth from 'oauth4webapi';
import type { ResolvedInteractiveConfig } from './config.js';
import { requestOptions } from './request-options.js';
import type { DPoPKey } from './dpop.js';
import type { GrantkitError } from './errors.js';
import { fromOAuthError } from './oauth-errors.js';
import { postWithProof } from './post-with-proof.js';
import type { TokenSet } from './token-store.js';

/**
 * Revokes the refresh token, then the access token (RFC 7009), as a public client. Each
 * failure goes to `onError` and the next token is still tried: sign-out completes locally
 * whatever the server does.
 */
export async function revokeTokens(
  server: oauth.AuthorizationServer,
  config: ResolvedInteractiveConfig,
  tokens: TokenSet,
  dpopKey: (() => Promise<DPoPKey>) | undefined,
  onError: (error: GrantkitError) => void,
): Promise<void> {
  const endpoint = server.revocation_endpoint;
  // A server may say it will not revoke for a public client (no `none` among the methods):
  // then it is not asked, and local sign-out is all there is.
  const methods = server.revocation_endpoint_auth_methods_supported;
  if (!endpoint || (Array.isArray(methods) && !methods.includes('none'))) return;
  // The refresh token first: it is the one that outlives this page.
  for (const [token, hint] of [[tokens.refreshToken, 'refresh_token'], [tokens.accessToken, 'access_token']] as const) {
    if (!token) continue;
    try {
      const send = (headers?: HeadersInit) =>
        oauth.revocationRequest(server, { client_id: config.clientId }, oauth.None(), token, {
          ...requestOptions(endpoint, config.timeout),
          additionalParameters: { token_type_hint: hint },
          headers,
        });
      // A DPoP-bound token is revoked with a proof of its key, as any other use of it.
      await oauth.processRevocationResponse(await postWithProof(dpopKey, endpoint, tokens.clockSkew ?? 0, send));
    } catch (error) {
      // RFC 7009 §2.2.1: a server may not revoke some token types (JWT access tokens,
      // typically); they end at expiry, and revoking the refresh token ended the grant.
      if (error instanceof oauth.ResponseBodyError && error.error === 'unsupported_token_type') continue;
      onError(fromOAuthError(error));
    }
  }
}
