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
