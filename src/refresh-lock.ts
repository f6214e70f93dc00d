/**
 * Runs `task` while holding the origin-wide refresh lock of this client, so that only
 * one tab at a time talks to the token endpoint with the shared refresh token. With
 * rotation and reuse detection, two tabs refreshing with the same token would end the
 * session; inside the lock the second tab finds the first one's tokens instead.
 * If the tab holding the lock closes, the browser releases the lock.
 */
export function withRefreshLock<T>(namespace: string, task: () => Promise<T>): Promise<T> {
  const locks = globalThis.navigator?.locks;
  if (!locks) return task();
  return locks.request(`grantkit:refresh:${namespace}`, { mode: 'exclusive' }, task);
}
