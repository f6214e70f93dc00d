import { ResourceServerError } from './errors.js';

/** The access token a request carries, and how (RFC 6750 §2.1, RFC 9449 §7.1). */
export interface Credentials {
  scheme: 'bearer' | 'dpop';
  token: string;
}

/** The token68 syntax (RFC 9110 §11.2) that bearer and DPoP tokens take. */
const AUTHORIZATION = /^(Bearer|DPoP) +([A-Za-z0-9._~+/-]+=*) *$/i;

/**
 * The token in `authorization`, or a `missing_token` refusal. Only the `Authorization` header
 * is read: a token in the query or the body would end up in logs and in the browser's history.
 * Anything else in the header, two tokens, or another scheme is `invalid_request`.
 */
export function credentialsOf(authorization: string | null, challenge: () => Record<string, string>): Credentials {
  if (authorization === null || authorization.trim() === '') throw new ResourceServerError('missing_token', 'send an access token in the Authorization header', challenge());
  const match = AUTHORIZATION.exec(authorization);
  if (!match) throw new ResourceServerError('invalid_request', 'the Authorization header is not one Bearer or DPoP token', challenge());
  return { scheme: match[1]!.toLowerCase() === 'dpop' ? 'dpop' : 'bearer', token: match[2]! };
}
