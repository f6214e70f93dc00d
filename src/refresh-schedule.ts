import { refreshMargin } from './token-freshness.js';
import type { TokenSet } from './token-store.js';

const RETRY_BASE_MS = 1_000;
const RETRY_MAX_MS = 60_000;

/**
 * How long until the next refresh: a margin before the access token expires or, after
 * `failures` failed tries, a backoff doubling from 1 s to 60 s, and never before a time the
 * server named (Retry-After, `retryAt`).
 */
export function nextRefreshIn(tokens: TokenSet, expiresAt: number, failures: number, retryAt: number | undefined, now = Date.now()): number {
  if (failures === 0) return Math.max(0, expiresAt - refreshMargin(tokens) - now);
  const backoff = Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** (failures - 1));
  return Math.max(backoff, (retryAt ?? 0) - now);
}
