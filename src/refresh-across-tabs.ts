import type { ResolvedInteractiveConfig } from './config.js';
import { resolveServer } from './discovery.js';
import type { DPoPKey } from './dpop.js';
import { GrantkitError } from './errors.js';
import { refreshGrant } from './refresh-grant.js';
import { withRefreshLock } from './refresh-lock.js';
import { isFresh } from './token-freshness.js';
import type { TokenSet, TokenStore } from './token-store.js';

/**
 * One refresh for every tab of the session: under the cross-tab lock, a tab that finds
 * tokens another tab refreshed meanwhile (the access token is no longer `seen`) takes them
 * instead of refreshing again.
 *
 * The refresh request itself is never abandoned at the client's `timeout`: if the server has
 * rotated the refresh token, its answer is the only copy of the new one, and sending the old
 * one again would trip reuse detection and sign the user out everywhere. Callers stop waiting
 * at `timeout` (waitAtMost); the answer is kept whenever it comes, still under the lock.
 */
export async function refreshAcrossTabs(
  config: ResolvedInteractiveConfig,
  store: TokenStore,
  /** The tokens this page holds now (read under the lock: a memory store has no other copy). */
  inMemory: () => TokenSet | undefined,
  seen: string | undefined,
  keyFor: (tokens: TokenSet) => (() => Promise<DPoPKey>) | undefined,
): Promise<{ tokens: TokenSet; fromOtherTab: boolean }> {
  // Metadata first, outside the lock: a tab fetching discovery while holding the lock
  // would keep every other tab waiting on it.
  const server = await resolveServer(config);
  return withRefreshLock(config.namespace, async () => {
    // Another tab may have refreshed, or signed out, while we waited for the lock.
    const stored = store.kind === 'memory' ? inMemory() : await store.get();
    if (!stored) throw new GrantkitError('login_required', 'the session was ended in another tab');
    if (stored.accessToken !== seen && isFresh(stored)) return { tokens: stored, fromOtherTab: true };
    if (!stored.refreshToken) throw new GrantkitError('session_expired', 'no refresh token');
    const fresh = await refreshGrant(server, config, { ...stored, refreshToken: stored.refreshToken }, keyFor(stored));
    await store.set(fresh);
    return { tokens: fresh, fromOtherTab: false };
  });
}
