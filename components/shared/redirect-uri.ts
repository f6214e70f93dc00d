/**
 * Whether a callback URL may be registered: https, or plain http to this machine only
 * (RFC 8252 §7.3), with no fragment (RFC 6749 §3.1.2). The same rule as the admin API's.
 */
export function isAllowedRedirectUri(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (value.includes('#') || /\s/.test(value)) return false;
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}
