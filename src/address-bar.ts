/** Authorization-response parameters that are removed from the address bar once read. */
const RESPONSE_PARAMS = ['code', 'state', 'iss', 'error', 'error_description', 'error_uri', 'session_state'];

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
