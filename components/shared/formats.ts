import { STRING_FORMATS } from '../../src/admin/operations.js';

// Forms check input by the admin API document's own formats (generated from it into
// STRING_FORMATS), so they refuse exactly what the server would, before asking it.

/** Whether `value` has the pattern and length of one of the document's string formats. */
export function fitsFormat(name: keyof typeof STRING_FORMATS, value: string): boolean {
  const format = STRING_FORMATS[name];
  return value.length <= format.maxLength && format.pattern.test(value);
}

/**
 * Whether a callback URL may be registered: https, or plain http to this machine only
 * (RFC 8252 §7.3), with no fragment (RFC 6749 §3.1.2), and a URL a browser can parse
 * (the document's `browser-url` format). test/admin/redirect-uri.fuzz.test.ts holds this
 * to the reference server's answers.
 */
export function isAllowedRedirectUri(value: string): boolean {
  return fitsFormat('RedirectUri', value) && URL.canParse(value);
}
