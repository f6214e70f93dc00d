/**
 * Why a resource server refused a request: the error codes of RFC 6750 §3.1 and RFC 9449 §7.1,
 * with `missing_token` for a request that sent none (RFC 6750 §3.1 gives it no code) and
 * `unavailable` when the issuer's keys could not be had.
 */
export type ResourceServerErrorCode =
  /** No access token in the request. 401. */
  | 'missing_token'
  /** The request is malformed: two credentials, an `Authorization` that is not one token, or a path not in canonical form. 400. */
  | 'invalid_request'
  /** The token is not one this API takes: unsigned, expired, for another audience or client, revoked. 401. */
  | 'invalid_token'
  /** The token is good but none of its scopes grants this request. 403. */
  | 'insufficient_scope'
  /** The token is DPoP-bound and the proof is missing or wrong. 401. */
  | 'invalid_dpop_proof'
  /** The DPoP proof lacks the server's current nonce: send it again with the one in `DPoP-Nonce`. 401. */
  | 'use_dpop_nonce'
  /** The issuer's keys (or its metadata) could not be fetched: try again later. 503. */
  | 'unavailable';

const STATUS: Record<ResourceServerErrorCode, number> = {
  missing_token: 401,
  invalid_request: 400,
  invalid_token: 401,
  insufficient_scope: 403,
  invalid_dpop_proof: 401,
  use_dpop_nonce: 401,
  unavailable: 503,
};

/**
 * A refused request, with everything its answer needs: the status, the `WWW-Authenticate`
 * challenge (and `DPoP-Nonce`) in `headers`, and a JSON body from {@link ResourceServerError.toResponse}.
 * The description is for developers; apps show their own text for each `code`.
 */
export class ResourceServerError extends Error {
  override readonly name = 'ResourceServerError';
  /** Stable: what went wrong, for programs. */
  readonly code: ResourceServerErrorCode;
  /** The HTTP status the answer carries. */
  readonly status: number;
  /** The headers the answer carries: `WWW-Authenticate`, and `DPoP-Nonce` where a proof needs one. */
  readonly headers: Readonly<Record<string, string>>;

  /** `headers` carry the challenge; the resource server builds it, knowing its realm. */
  constructor(code: ResourceServerErrorCode, description: string, headers: Record<string, string> = {}) {
    super(description);
    this.code = code;
    this.status = STATUS[code];
    this.headers = headers;
  }

  /** The answer to send: the status, the headers, and `{ error, error_description }` as JSON. */
  toResponse(): Response {
    const error = this.code === 'missing_token' ? 'invalid_request' : this.code;
    return new Response(JSON.stringify({ error, error_description: this.message }), {
      status: this.status,
      headers: { ...this.headers, 'Content-Type': 'application/json', 'Cache-Control': 'no-store' },
    });
  }
}

/** A quoted-string for an auth-param (RFC 9110 §11.2): quotes and backslashes dropped, not escaped, so no parser can be led astray. */
export const quoted = (value: string): string => `"${value.replace(/["\\\r\n]/g, '')}"`;
