/**
 * Every failure the core client reports is a {@link GrantkitError} whose `code`
 * is one of these strings. Codes are stable: switch on them, never on messages.
 */
export type GrantkitErrorCode =
  | 'config_invalid'
  | 'discovery_failed'
  | 'no_transaction'
  | 'state_mismatch'
  | 'issuer_mismatch'
  | 'nonce_mismatch'
  | 'authorization_denied'
  | 'invalid_response'
  | 'token_rejected'
  | 'login_required'
  | 'session_expired'
  | 'network_error'
  | 'popup_blocked'
  | 'popup_closed'
  | 'popup_timeout'
  | 'storage_unavailable'
  | 'dpop_unsupported';

/** What a {@link GrantkitError} is made with, besides its code. */
export interface GrantkitErrorOptions {
  cause?: unknown;
  /** The server's OAuth `error` value, when the server sent one. */
  error?: string;
  /** The server's `error_description`, as text: never render it as HTML. */
  errorDescription?: string;
  /** The HTTP status of the response that failed, when there was one. */
  status?: number;
  /** When the server asked to be tried again (`Retry-After` on a 429 or 503), in ms since the epoch. */
  retryAt?: number;
}

/** The one error class of the core client. */
export class GrantkitError extends Error {
  override readonly name = 'GrantkitError';
  readonly code: GrantkitErrorCode;
  readonly error?: string;
  readonly errorDescription?: string;
  readonly status?: number;
  /** When the server asked to be tried again (`Retry-After` on a 429 or 503), in ms since the epoch on the local clock. */
  readonly retryAt?: number;

  constructor(code: GrantkitErrorCode, message: string, options: GrantkitErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.error = options.error;
    this.errorDescription = options.errorDescription;
    this.status = options.status;
    this.retryAt = options.retryAt;
  }
}

/**
 * Whether `value` is a {@link GrantkitError}, of the given `code` when one is given: a check that
 * also holds across realms and bundles that carry a second copy of the class.
 */
export function isGrantkitError(value: unknown, code?: GrantkitErrorCode): value is GrantkitError {
  return value instanceof GrantkitError && (code === undefined || value.code === code);
}

/** IndexedDB cannot be used: the client keeps the session in memory instead, and says so. */
export function storageUnavailable(cause: unknown): GrantkitError {
  return new GrantkitError('storage_unavailable', 'IndexedDB is unavailable; the session lasts only as long as this page', { cause });
}

/**
 * What the lazily loaded parts reject with is a GrantkitError already (they translate
 * oauth4webapi's errors themselves, and a failed load is one too); anything else is a bug,
 * reported rather than thrown away.
 */
export function asGrantkitError(value: unknown): GrantkitError {
  return value instanceof GrantkitError ? value : new GrantkitError('invalid_response', value instanceof Error ? value.message : 'unexpected failure', { cause: value });
}
