import type { LoginOptions } from './authorization-url.js';
import type { PopupOptions } from './popup-window.js';

// What the client's methods take and give back, apart from the client itself.

/** What {@link GrantkitClient.handleRedirectCallback} found at the return from the authorization server. */
export interface CallbackResult {
  /** The same-origin path given to `login({ returnTo })`, or the page sign-in started on. */
  returnTo: string;
  /**
   * True on the callback page inside a sign-in popup: the response went to the window
   * that opened the popup, which completes the sign-in, and this window closes.
   */
  handledByOpener?: boolean;
  /** True when this was the return from `logout({ endSession: true })`, with the state it sent: the user is signed out. */
  signedOut?: boolean;
}

/** Options of {@link GrantkitClient.handleRedirectCallback}. */
export interface HandleRedirectCallbackOptions {
  /** The URL to read the response from. Default: the page's. */
  url?: string | URL;
  /**
   * Once signed in, put the address bar back to where sign-in began (`returnTo`), so the app
   * need not. Default false: only the response's parameters are removed.
   */
  restoreReturnTo?: boolean;
}

/** Options of {@link GrantkitClient.getAccessToken}. */
export interface GetAccessTokenOptions {
  /** Refresh even though the current token has not expired. */
  forceRefresh?: boolean;
}

/** Options of {@link GrantkitClient.logout}: what is revoked, and where the browser goes. */
export interface LogoutOptions {
  /** Same-origin page to go to afterwards. With `endSession`, sent as `post_logout_redirect_uri`. */
  returnTo?: string;
  /** Also end the session at the authorization server (OpenID Connect RP-Initiated Logout). */
  endSession?: boolean;
  /**
   * Extra parameters for the end-session request, such as `ui_locales` or `logout_hint`.
   * `client_id`, `id_token_hint`, `post_logout_redirect_uri` and `state` are grantkit's own.
   */
  logoutParams?: Record<string, string>;
}

/** Options of {@link GrantkitClient.loginWithPopup}: those of a sign-in, and of its window. */
export type LoginWithPopupOptions = LoginOptions & PopupOptions;
