import * as oauth from 'oauth4webapi';
import type { ResolvedInteractiveConfig } from './config.js';
import { requestOptions } from './request-options.js';
import type { DPoPKey } from './dpop.js';
import { postWithProof } from './post-with-proof.js';
import { GrantkitError } from './errors.js';
import { fromOAuthError } from './oauth-errors.js';
import { alignClock, toTokenSet } from './token-response.js';
import type { TokenSet } from './token-store.js';
import type { Transaction } from './transaction.js';
import { resourceParameters, wantsOpenId } from './request-parameters.js';

/** RFC 9207: the response must name the issuer we sent the user to, when the server says it does so. */
function checkIssuer(server: oauth.AuthorizationServer, params: URLSearchParams, strict: boolean): void {
  const iss = params.get('iss');
  if (iss === null) {
    if (server.authorization_response_iss_parameter_supported) {
      throw new GrantkitError('issuer_mismatch', 'the authorization response has no "iss" although the server advertises it (RFC 9207)');
    }
    return;
  }
  if (strict && iss !== server.issuer) {
    throw new GrantkitError('issuer_mismatch', `the authorization response comes from "${iss}", not "${server.issuer}" (RFC 9207)`);
  }
}

/** Checks the authorization response against its transaction and exchanges the code for tokens. */
export async function exchangeCode(
  config: ResolvedInteractiveConfig,
  server: oauth.AuthorizationServer,
  responseParams: URLSearchParams,
  tx: Transaction,
  dpopKey: () => Promise<DPoPKey>,
): Promise<TokenSet> {
  // Without a known issuer (endpoints given without `issuer`) there is nothing to compare `iss` to.
  const issuerKnown = config.issuer !== undefined || config.endpoints?.issuer !== undefined;
  checkIssuer(server, responseParams, issuerKnown);
  const params = new URLSearchParams(responseParams);
  if (!issuerKnown) params.delete('iss');

  const client: oauth.Client = { client_id: config.clientId };
  let validated: URLSearchParams;
  try {
    validated = oauth.validateAuthResponse(server, client, params, tx.state);
  } catch (error) {
    if (error instanceof oauth.AuthorizationResponseError) {
      throw new GrantkitError('authorization_denied', `the authorization server answered "${error.error}"`, {
        cause: error,
        error: error.error,
        errorDescription: error.error_description,
      });
    }
    throw fromOAuthError(error);
  }

  try {
    const send = (headers?: HeadersInit) =>
      oauth.authorizationCodeGrantRequest(server, client, oauth.None(), validated, tx.redirectUri, tx.codeVerifier, {
        ...requestOptions(server.token_endpoint!, config.timeout),
        additionalParameters: resourceParameters(config),
        headers,
      });
    const response = await postWithProof(tx.dpop ? dpopKey : undefined, server.token_endpoint!, 0, send);
    const skew = await alignClock(client, response);
    const result = await oauth.processAuthorizationCodeResponse(server, client, response, {
      expectedNonce: tx.nonce ?? oauth.expectNoNonce,
      requireIdToken: wantsOpenId(config),
    });
    if (tx.dpop && config.dpop === 'required' && result.token_type !== 'dpop') {
      throw new GrantkitError('dpop_unsupported', `DPoP is required, but the server issued a "${result.token_type}" token`);
    }
    return toTokenSet(result, undefined, skew);
  } catch (error) {
    throw fromOAuthError(error, 'token');
  }
}
