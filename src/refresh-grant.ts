import * as oauth from 'oauth4webapi';
import { resourceParameters } from './request-parameters.js';
import type { ResolvedInteractiveConfig } from './config.js';
import { requestOptions } from './request-options.js';
import type { DPoPKey } from './dpop.js';
import { fromOAuthError } from './oauth-errors.js';
import { postWithProof } from './post-with-proof.js';
import { alignClock, toTokenSet } from './token-response.js';
import type { TokenSet } from './token-store.js';

/**
 * The refresh_token grant (RFC 6749 §6): one request, with a proof of the key when the
 * tokens are bound (RFC 9449 §5), and the answer as the next token set. Stores nothing:
 * the caller holds the lock and keeps the result.
 */
export async function refreshGrant(
  server: oauth.AuthorizationServer,
  config: ResolvedInteractiveConfig,
  stored: TokenSet & { refreshToken: string },
  dpopKey: (() => Promise<DPoPKey>) | undefined,
): Promise<TokenSet> {
  const client: oauth.Client = { client_id: config.clientId };
  try {
    const send = (headers?: HeadersInit) =>
      oauth.refreshTokenGrantRequest(server, client, oauth.None(), stored.refreshToken, {
        // Not `timeout`: the answer may carry the only copy of a rotated refresh token, so the
        // request is given much longer than callers wait (see #refreshAcrossTabs).
        ...requestOptions(server.token_endpoint!, Math.max(config.timeout * 8, 120_000)),
        additionalParameters: resourceParameters(config),
        headers,
      });
    const response = await postWithProof(dpopKey, server.token_endpoint!, stored.clockSkew ?? 0, send);
    const skew = await alignClock(client, response);
    return toTokenSet(await oauth.processRefreshTokenResponse(server, client, response), stored, skew);
  } catch (error) {
    throw fromOAuthError(error, 'refresh');
  }
}
