/**
 * The core client: sign-in with authorization code + PKCE (DPoP and PAR when asked for), refresh
 * that is single-flight across tabs, `sdk.fetch` that sends the token only to allowed origins,
 * revocation, typed errors and events. Static-token mode serves scripts.
 * @module grantkit
 */
export { GrantkitClient } from './client.js';
export { createClient } from './create-client.js';
export type { CallbackResult, GetAccessTokenOptions, HandleRedirectCallbackOptions, LoginWithPopupOptions, LogoutOptions } from './client-options.js';
export type { LoginOptions } from './authorization-url.js';
export type { PopupOptions } from './popup-window.js';
export type { ClientOptions, Endpoints, InteractiveClientOptions, StaticTokenClientOptions } from './config.js';
export { GrantkitError, isGrantkitError } from './errors.js';
export type { GrantkitErrorCode, GrantkitErrorOptions } from './errors.js';
export type { ErrorDetail, GrantkitEventListener, GrantkitEventMap, StateChangeDetail, TokenRefreshDetail } from './events.js';
export type { UserClaims } from './token-store.js';
export { isAuthorizationResponse } from './authorization-response.js';
