/**
 * Every grantkit element, registered on import; `grantkit/components/<tag>` registers one.
 * @module grantkit/components
 */
// Registers every grantkit element. Import one alone with `grantkit/components/<tag>`,
// and a language other than English with `grantkit/components/locales/<lang>`.
export { ConnectedApps } from './connected-apps/define.js';
export { CreateIntegrationDialog } from './create-integration-dialog/define.js';
export { GrantkitProvider } from './grantkit-provider/define.js';
export { IntegrationDetails } from './integration-details/define.js';
export { IntegrationKeys } from './integration-keys/define.js';
export { IntegrationList } from './integration-list/define.js';
export { OAuthLogin } from './oauth-login/define.js';
export { PersonalTokenList } from './personal-token-list/define.js';
export { ScopeManager } from './scope-manager/define.js';
export { RotateSecretDialog } from './rotate-secret-dialog/define.js';
export { TokenList } from './token-list/define.js';
export { registerTranslation } from './shared/localize.js';
export type { Strings } from './shared/localize.js';
export type { GrantkitElementEvents } from './shared/events.js';
export { grantkitContext } from './shared/context.js';
export type { GrantkitContext } from './shared/context.js';
export type { ClientAttributes } from './shared/client-from-attributes.js';
export type { ElementErrorCode, GrantkitElement } from './shared/grantkit-element.js';
export type { IntegrationSort, IntegrationStatusFilter, IntegrationTypeFilter, IntegrationKindFilter } from './integration-list/integration-list.js';
export type { TokenGrantFilter, TokenStatusFilter } from './token-list/token-list.js';
