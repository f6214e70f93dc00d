import * as oauth from 'oauth4webapi';
import { GrantkitError } from './errors.js';
import { retryAt } from './retry-after.js';

/** A 429 (rate limited) or a 5xx says nothing about the grant: the session is kept and retried. */
const isServerBusy = (status: number): boolean => status >= 500 || status === 429;

/**
 * Translates what oauth4webapi and fetch throw into a GrantkitError.
 * `context` decides what a 4xx from the token endpoint means: on refresh the session is over.
 */
export function fromOAuthError(error: unknown, context: 'token' | 'refresh' | 'other' = 'other'): GrantkitError {
  if (error instanceof GrantkitError) return error;

  if (error instanceof oauth.ResponseBodyError) {
    const details = { cause: error, error: error.error, errorDescription: error.error_description, status: error.status };
    if (isServerBusy(error.status)) {
      return new GrantkitError('network_error', `server error ${error.status}: ${error.error}`, { ...details, retryAt: retryAt(error.response) });
    }
    if (context === 'refresh') return new GrantkitError('session_expired', `the server refused the refresh token: ${error.error}`, details);
    return new GrantkitError('token_rejected', `the token endpoint refused the request: ${error.error}`, details);
  }

  if (error instanceof oauth.WWWAuthenticateChallengeError) {
    const details = { cause: error, status: error.status, error: error.cause[0]?.parameters.error };
    if (context === 'refresh') return new GrantkitError('session_expired', 'the server refused the refresh request', details);
    return new GrantkitError('token_rejected', 'the server refused the request', details);
  }

  if (error instanceof oauth.OperationProcessingError) {
    const cause = error.cause as { claim?: string } | Response | undefined;
    if (cause instanceof Response) {
      const status = cause.status;
      if (isServerBusy(status)) {
        return new GrantkitError('network_error', `server answered HTTP ${status}`, { cause: error, status, retryAt: retryAt(cause) });
      }
      if (context === 'refresh' && status >= 400) {
        return new GrantkitError('session_expired', `the server refused the refresh token (HTTP ${status})`, { cause: error, status });
      }
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
