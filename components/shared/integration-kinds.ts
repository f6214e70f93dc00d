import type { AdminApiSchemas, IntegrationKind } from '../../src/admin/index.js';
import { INTEGRATION_KINDS } from '../../src/admin/operations.js';

// What each kind of integration may be, as the forms offer it: read from the document's
// IntegrationRules (generated into INTEGRATION_KINDS), so a form offers per kind what the
// server takes.

export type Grant = AdminApiSchemas['schemas']['GrantType'];
/** The grants, in the order forms list them. */
export const GRANTS: readonly Grant[] = ['authorization_code', 'refresh_token', 'client_credentials'];

/** The kinds in the order a form offers them. */
export const KINDS: readonly IntegrationKind[] = ['web', 'single_page', 'native', 'service'];

/** Whether integrations of this kind are public: no secret, no key. */
export const isPublicKind = (kind: IntegrationKind): boolean => (INTEGRATION_KINDS[kind].authMethods as readonly string[]).includes('none');

/** Whether integrations of this kind have callback URLs (a service has none). */
export const takesCallbacks = (kind: IntegrationKind): boolean => INTEGRATION_KINDS[kind].redirectUris !== null;

/** The grant every integration of this kind must allow, if any. */
export function requiredGrant(kind: IntegrationKind): Grant | undefined {
  const rule = INTEGRATION_KINDS[kind];
  return 'requiredGrant' in rule ? rule.requiredGrant : undefined;
}

/** Whether a kind's integrations have refresh tokens to count: not a kind with one grant (a service, client credentials only). */
export const countsRefreshes = (kind: IntegrationKind): boolean => offeredGrants(kind).length > 1;

/** The grants a form may offer: the only one a kind may have, or all but client credentials for a public client. */
export function offeredGrants(kind: IntegrationKind): Grant[] {
  const rule = INTEGRATION_KINDS[kind];
  if ('onlyGrant' in rule) return [rule.onlyGrant];
  return isPublicKind(kind) ? GRANTS.filter((g) => g !== 'client_credentials') : [...GRANTS];
}
