// The admin API document's RedirectUri, character for character (docs/admin-api.yaml), so
// the form refuses exactly what the server would: test/admin/redirect-uri.fuzz.test.ts
// holds the two to it against the reference server.
const PATTERN = /^(https:\/\/[^#\s]+|http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:[0-9]{1,5})?(\/[^#\s]*)?)$/;

/**
 * Whether a callback URL may be registered: https, or plain http to this machine only
 * (RFC 8252 §7.3), with no fragment (RFC 6749 §3.1.2), and a URL a browser can parse.
 */
export function isAllowedRedirectUri(value: string): boolean {
  return value.length <= 2000 && PATTERN.test(value) && URL.canParse(value);
}
