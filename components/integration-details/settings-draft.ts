import type { AdminApiError, Integration, IntegrationKind, IntegrationUpdate } from '../../src/admin/index.js';
import { callbackUrlsOf, checkCallbackUrls, hasCallbackUrlErrors, refusedCallbackUrls, type CallbackUrlErrors } from '../shared/callback-url-editor.js';
import { refusedFields } from '../shared/field-errors.js';
import { checkSettings, grantsFor, settingsBody, settingsOf, type TokenSettings } from '../shared/integration-settings.js';
import { takesCallbacks } from '../shared/integration-kinds.js';
import type { Strings } from '../shared/localize.js';

// The settings form of <integration-details>: what it holds while the user edits, what of it
// changed, and what is wrong with it (before sending, and as the server said).

export interface Draft {
  /** What the integration is; changed only to a kind of the same client type (the form offers no other). */
  kind: IntegrationKind;
  description: string;
  redirects: string[];
  logoutUrls: string[];
  audience: string;
  settings: TokenSettings;
}

export interface FieldErrors {
  kind?: string | undefined;
  description?: string | undefined;
  audience?: string | undefined;
  grants?: string | undefined;
  lifetime?: string | undefined;
  refresh?: string | undefined;
  urls?: CallbackUrlErrors | undefined;
  logout?: CallbackUrlErrors | undefined;
}

export function draftOf(integration: Integration): Draft {
  return { kind: integration.kind, description: integration.description, redirects: [...integration.redirect_uris], logoutUrls: [...integration.post_logout_redirect_uris], audience: integration.audience ?? '', settings: settingsOf(integration) };
}

/** Only what changed, so a save never overwrites a field someone else changed meanwhile. */
export function changes(integration: Integration, draft: Draft): IntegrationUpdate {
  const before = settingsBody(settingsOf(integration), integration.kind);
  const after = settingsBody(draft.settings, draft.kind);
  const patch: IntegrationUpdate = {};
  if (draft.kind !== integration.kind) patch.kind = draft.kind;
  // A kind with no callbacks (a service) keeps none: the rows stay in the draft, unsent, in case the kind is changed back.
  const callbacks = takesCallbacks(draft.kind);
  const redirects = callbacks ? callbackUrlsOf(draft.redirects) : [];
  if (draft.description !== integration.description) patch.description = draft.description;
  if (JSON.stringify(redirects) !== JSON.stringify(integration.redirect_uris)) patch.redirect_uris = redirects;
  const logoutUrls = callbacks ? callbackUrlsOf(draft.logoutUrls) : [];
  if (JSON.stringify(logoutUrls) !== JSON.stringify(integration.post_logout_redirect_uris)) patch.post_logout_redirect_uris = logoutUrls;
  if (JSON.stringify(after.grant_types) !== JSON.stringify(before.grant_types)) patch.grant_types = after.grant_types;
  if (after.access_token_lifetime !== integration.access_token_lifetime) patch.access_token_lifetime = after.access_token_lifetime;
  if (after.refresh_count !== integration.refresh_count) patch.refresh_count = after.refresh_count;
  if (draft.audience.trim() !== (integration.audience ?? '')) patch.audience = draft.audience.trim() || null;
  return patch;
}

/** Whether any field, or any callback URL, has a message. */
export function hasFieldErrors(errors: FieldErrors): boolean {
  const { urls, logout, ...fields } = errors;
  return Object.values(fields).some(Boolean) || (urls !== undefined && hasCallbackUrlErrors(urls)) || (logout !== undefined && hasCallbackUrlErrors(logout));
}

/** What can be told before asking the server; the server still checks everything. */
export function checkDraft(t: Strings, draft: Draft): FieldErrors {
  const { kind } = draft;
  const errors: FieldErrors = { ...checkSettings(t, draft.settings, kind) };
  // The lists a kind has no place for are not shown, and not sent (changes()): nothing to say of them.
  if (takesCallbacks(kind)) {
    errors.urls = checkCallbackUrls(t, draft.redirects, grantsFor(draft.settings, kind).includes('authorization_code'), kind);
    errors.logout = checkCallbackUrls(t, draft.logoutUrls, false, kind, 'logout');
  }
  if (draft.audience.trim() && !URL.canParse(draft.audience.trim())) errors.audience = t.details.badAudience;
  return errors;
}

/** Which field a refusal of the server belongs to, by the JSON Pointer's first segment under /body. */
const FIELD_OF = { kind: 'kind', description: 'description', grant_types: 'grants', access_token_lifetime: 'lifetime', refresh_count: 'refresh', audience: 'audience' } as const;

/** The server's refusals, beside the fields (and callback-URL rows) it named. */
export function refusedDraft(t: Strings, error: AdminApiError, draft: Draft): FieldErrors {
  return { ...refusedFields(error, FIELD_OF, t.create.invalid), urls: refusedCallbackUrls(t, error, draft.redirects), logout: refusedCallbackUrls(t, error, draft.logoutUrls, 'logout') };
}
