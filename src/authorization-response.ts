/** Authorization-response parameters that are removed from the address bar once read. */
const RESPONSE_PARAMS = ['code', 'state', 'iss', 'error', 'error_description', 'error_uri', 'session_state'];

/**
 * Whether a URL (by default the page's) is a return from sign-in: it carries an
 * authorization response, successful (`code`, `state`) or not (`error`). The one rule the
 * SDK, the elements and `useAuth` go by.
 *
 * @example
 * if (isAuthorizationResponse()) await sdk.handleRedirectCallback({ restoreReturnTo: true });
 */
export function isAuthorizationResponse(url: string | URL = location.href): boolean {
  const base = globalThis.location?.href;
  if (typeof url === 'string' && !URL.canParse(url, base)) return false;
  const p = new URL(url, base).searchParams;
  return p.has('state') || p.has('code') || p.has('error');
}

/**
 * Takes the response out of the address bar once it has been read, so that a reload or a
 * shared link does not carry it: back to `returnTo` when asked, else the same URL without
 * its response parameters. Nothing happens when the response was not read from the page's URL.
 */
export function clearResponseFromAddressBar(url: URL, returnTo?: string): void {
  if (url.href !== location.href) return;
  if (returnTo !== undefined) return history.replaceState(history.state, '', returnTo);
  const clean = new URL(url);
  for (const name of RESPONSE_PARAMS) clean.searchParams.delete(name);
  history.replaceState(history.state, '', clean.href);
}
