import type { TokenSet } from './token-store.js';

// Whether a token needs renewing: read on every getAccessToken, so it lives apart from
// token-response.ts, which needs oauth4webapi and loads only with a sign-in or a refresh.

/** Milliseconds before expiry at which the token counts as expired: a quarter of its life, at most 30 s. */
export function refreshMargin(tokens: TokenSet): number {
  if (tokens.expiresAt === undefined) return 0;
  return Math.min(30_000, (tokens.expiresAt - tokens.receivedAt) / 4);
}

export function isFresh(tokens: TokenSet, now = Date.now()): boolean {
  return tokens.expiresAt === undefined || now < tokens.expiresAt - refreshMargin(tokens);
}
