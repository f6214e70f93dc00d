export { createClient, GrantkitClient } from './client.js';
export type { CallbackResult, GetAccessTokenOptions, LoginWithPopupOptions, LogoutOptions } from './client.js';
export type { LoginOptions } from './authorization-url.js';
export type { PopupOptions } from './popup.js';
export type { ClientOptions, Endpoints, InteractiveClientOptions, StaticTokenClientOptions } from './config.js';
export { GrantkitError, isGrantkitError } from './errors.js';
export type { GrantkitErrorCode, GrantkitErrorOptions } from './errors.js';
export type { ErrorDetail, GrantkitEventMap, StateChangeDetail, TokenRefreshDetail } from './events.js';
export type { UserClaims } from './token-store.js';
