import * as oauth from 'oauth4webapi';
import { GrantkitError } from './errors.js';
import { retryAt } from './retry-after.js';

/** A 429 (rate limited) or a 5xx says nothing about the grant: the session is kept and retried. */
const isServerBusy = (status: number): boolean => status >= 500 || status === 429;

/**
 * The token endpoint's errors that say the grant itself is over (RFC 6749 §5.2): the refresh
 * token is refused, or the client may no longer use it. Anything else (invalid_request,
 * invalid_dpop_proof, use_dpop_nonce, invalid_scope…) is about this one request, and the
 * session is kept.
 */
const GRANT_OVER = new Set(['invalid_grant', 'invalid_client', 'unauthorized_client', 'unsupported_grant_type']);

/**
 * Translates what oauth4webapi and fetch throw into a GrantkitError.
 * `context` decides what a 4xx from the token endpoint means: on refresh, a refused grant ends
 * the session; a refused request does not.
 */
export function fromOAuthError(error: unknown, context: 'token' | 'refresh' | 'other' = 'other'): GrantkitError {
  if (error instanceof GrantkitError) return error;

  if (error instanceof oauth.ResponseBodyError) {
    const details = { cause: error, error: error.error, errorDescription: error.error_description, status: error.status };
    if (isServerBusy(error.status)) {
      return new GrantkitError('network_error', `server error ${error.status}: ${error.error}`, { ...details, retryAt: retryAt(error.response) });
    }
    if (context === 'refresh' && GRANT_OVER.has(error.error)) return new GrantkitError('session_expired', `the server refused the refresh token: ${error.error}`, details);
    return new GrantkitError('token_rejected', `the token endpoint refused the request: ${error.error}`, details);
  }

  if (error instanceof oauth.WWWAuthenticateChallengeError) {
    const details = { cause: error, status: error.status, error: error.cause[0]?.parameters.error };
    if (context === 'refresh' && GRANT_OVER.has(details.error ?? '')) return new GrantkitError('session_expired', 'the server refused the refresh request', details);
    return new GrantkitError('token_rejected', 'the server refused the request', details);
  }

  if (error instanceof oauth.OperationProcessingError) {
    const cause = error.cause as { claim?: string } | Response | undefined;
    if (cause instanceof Response) {
      const status = cause.status;
      if (isServerBusy(status)) {
        return new GrantkitError('network_error', `server answered HTTP ${status}`, { cause: error, status, retryAt: retryAt(cause) });
      }
      // A 4xx without OAuth's JSON (a bare 401, a proxy's page) is a refusal, reported by its
      // status; on refresh it says nothing about the grant.
      if (status >= 400) return new GrantkitError('token_rejected', `the server answered HTTP ${status}`, { cause: error, status });
      return new GrantkitError('invalid_response', error.message, { cause: error, status });
    }
    if (error.code === oauth.JWT_CLAIM_COMPARISON && cause?.claim === 'nonce') {
      return new GrantkitError('nonce_mismatch', 'the ID token was not issued for this sign-in (nonce differs)', { cause: error });
    }
    return new GrantkitError('invalid_response', error.message, { cause: error });
  }

  if (error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return new GrantkitError('network_error', 'the request timed out', { cause: error });
  }
  // fetch rejects with a plain TypeError when the network fails; oauth4webapi's own
  // argument errors are TypeErrors too, but carry a code.
  if (error instanceof TypeError && !(error as { code?: unknown }).code) {
    return new GrantkitError('network_error', `network request failed: ${error.message}`, { cause: error });
  }
  return new GrantkitError('invalid_response', error instanceof Error ? error.message : 'unexpected failure', { cause: error });
}
