import { DOCUMENT_FORMATS } from '../../src/admin/formats.js';
import { INTEGRATION_KINDS, STRING_FORMATS } from '../../src/admin/operations.js';
import type { IntegrationKind } from '../../src/admin/index.js';

// Forms check input by the admin API document's own formats (generated from it into
// STRING_FORMATS), so they refuse exactly what the server would, before asking it.

type StringFormat = keyof typeof STRING_FORMATS;

/** Whether `value` has the pattern, length and (where it names one) the format of one of the document's string schemas. */
export function fitsFormat(name: StringFormat, value: string): boolean {
  const schema: { pattern: RegExp; maxLength: number; format?: keyof typeof DOCUMENT_FORMATS } = STRING_FORMATS[name];
  return value.length <= schema.maxLength && schema.pattern.test(value) && (schema.format === undefined || DOCUMENT_FORMATS[schema.format](value));
}

/**
 * Whether a callback URL may be registered for an integration of this kind, by the document's
 * rule for it (IntegrationRules, generated into INTEGRATION_KINDS): a native app's is a
 * NativeRedirectUri (a reverse-DNS scheme, http on a loopback IP literal, or a claimed https URL),
 * a web or single-page app's a WebRedirectUri (https, or plain http to this machine), and a
 * service has none. Never a fragment. test/admin/redirect-uri.fuzz.test.ts holds this
 * to the reference server's answers.
 */
export function isAllowedRedirectUri(value: string, kind: IntegrationKind): boolean {
  const form = INTEGRATION_KINDS[kind].redirectUris;
  return form !== null && fitsFormat(form, value);
}
