/**
 * Whether a URL (by default the page's) is a return from sign-in: it carries an
 * authorization response, successful (`code` and `state`) or not (`error`), or the return from
 * an end-session request (its `state`). The one rule the
 * SDK, the elements and `useAuth` go by.
 *
 * @example
 * if (isAuthorizationResponse()) await sdk.handleRedirectCallback({ restoreReturnTo: true });
 */
export function isAuthorizationResponse(url: string | URL = location.href): boolean {
  const base = globalThis.location?.href;
  if (typeof url === 'string' && !URL.canParse(url, base)) return false;
  const p = new URL(url, base).searchParams;
  // Not `code` alone: grantkit always sends a state, which every response carries back, and an
  // app's own page may well have a `code` parameter (`/redeem?code=…`).
  return p.has('state') || p.has('error');
}
