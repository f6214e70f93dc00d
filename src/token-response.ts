import * as oauth from 'oauth4webapi';
import type { TokenSet, UserClaims } from './token-store.js';

/**
 * Aligns oauth4webapi's clock with the server's for the ID-token time checks, using the
 * `iat` of the ID token in this very response: it was issued a moment ago, so the
 * difference is the skew. A client clock minutes off would otherwise reject every
 * sign-in. Freshness is still guaranteed: the token comes straight from the token
 * endpoint in answer to our own code and verifier.
 */
export async function alignClock(client: oauth.Client, response: Response): Promise<number | undefined> {
  try {
    const body = (await response.clone().json()) as { id_token?: unknown };
    if (typeof body.id_token !== 'string') return undefined;
    const payload = body.id_token.split('.')[1];
    if (!payload) return undefined;
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const iat = (JSON.parse(json) as { iat?: unknown }).iat;
    if (typeof iat !== 'number') return undefined;
    const skew = Math.round(iat - Date.now() / 1000);
    client[oauth.clockSkew] = Math.abs(skew) > 5 ? skew : 0;
    return client[oauth.clockSkew];
  } catch {
    // Not JSON or not a JWT: oauth4webapi's own processing reports it properly.
    return undefined;
  }
}

/** Builds what we keep from a token response; `previous` supplies what a refresh may omit. */
export function toTokenSet(result: oauth.TokenEndpointResponse, previous?: TokenSet, clockSkew?: number): TokenSet {
  const receivedAt = Date.now();
  const claims = oauth.getValidatedIdTokenClaims(result) as UserClaims | undefined;
  return {
    accessToken: result.access_token,
    tokenType: result.token_type,
    // From expires_in on our own clock, so a skewed clock does not matter (RFC 6749 §5.1).
    expiresAt: typeof result.expires_in === 'number' ? receivedAt + result.expires_in * 1000 : undefined,
    receivedAt,
    // Without rotation the server sends no new refresh token: the old one stays valid.
    refreshToken: result.refresh_token ?? previous?.refreshToken,
    idToken: result.id_token ?? previous?.idToken,
    claims: claims ? { ...claims } : previous?.claims,
    scope: result.scope ?? previous?.scope,
    clockSkew: clockSkew ?? previous?.clockSkew,
  };
}
