import { fromOAuthError } from './oauth-errors.js';
import { refreshAcrossTabs } from './refresh-across-tabs.js';

// The refresh: discovery, the cross-tab lock and the refresh grant, with oauth4webapi under
// them. The client loads it with import() when a token first needs renewing; a page load
// that finds a fresh token in storage does not pay for it.

/** {@link refreshAcrossTabs}, with whatever fails reported as a GrantkitError. */
export async function refresh(...args: Parameters<typeof refreshAcrossTabs>): ReturnType<typeof refreshAcrossTabs> {
  try {
    return await refreshAcrossTabs(...args);
  } catch (error) {
    throw fromOAuthError(error, 'refresh');
  }
}
