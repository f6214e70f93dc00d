import type { AdminClient, Integration, IntegrationKind, IntegrationUpdate } from '../../src/admin/index.js';
import type { GrantkitClient } from '../../src/index.js';
import type { ElementErrorCode } from './grantkit-element.js';

/**
 * Fires a grantkit event: a CustomEvent that bubbles and crosses shadow roots, so a page
 * can listen once at the top. Returns false when a listener cancelled a cancelable event.
 */
export function emit<K extends keyof GrantkitElementEvents>(target: EventTarget, type: K, detail: GrantkitElementEvents[K], options: { cancelable?: boolean } = {}): boolean {
  return target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable: options.cancelable ?? false }));
}

/** The detail of every event the elements fire. */
export interface GrantkitElementEvents {
  'grantkit-ready': { sdk: GrantkitClient; admin: AdminClient | undefined };
  'grantkit-signin': { user: Record<string, unknown> | undefined };
  'grantkit-signout': Record<string, never>;
  /** `code`: a stable code with a message in every table (`unknown` when the failure had none). */
  'grantkit-error': { error: unknown; code: ElementErrorCode };
  'grantkit-rotate-request': { clientId: string; gracePeriodSeconds: number };
  'grantkit-secret-rotated': { clientId: string; last4: string; previousSecretExpiresAt: string | null };
  'grantkit-grace-period-end-request': { clientId: string };
  'grantkit-grace-period-ended': { clientId: string };
  'grantkit-integration-select': { clientId: string };
  'grantkit-key-add-request': { clientId: string };
  'grantkit-key-added': { clientId: string; kid: string; alg: string; thumbprint: string };
  'grantkit-key-remove-request': { clientId: string; kid: string };
  'grantkit-key-removed': { clientId: string; kid: string };
  'grantkit-token-revoke-request': { id: string; clientId: string; subject: string };
  'grantkit-token-revoked': { id: string; clientId: string; subject: string };
  'grantkit-tokens-revoke-all-request': { clientId: string };
  'grantkit-tokens-revoked-all': { clientId: string };
  'grantkit-integration-create-request': { name: string; version: string; kind: IntegrationKind; confidential: boolean };
  'grantkit-integration-created': { clientId: string; kind: IntegrationKind; confidential: boolean };
  'grantkit-integration-update-request': { clientId: string; changes: IntegrationUpdate };
  'grantkit-integration-updated': { clientId: string; integration: Integration };
  /** `status`: what the integration would become. */
  'grantkit-integration-status-request': { clientId: string; status: Integration['status'] };
  'grantkit-integration-status-changed': { clientId: string; status: Integration['status'] };
  'grantkit-integration-delete-request': { clientId: string };
  'grantkit-integration-deleted': { clientId: string };
  'grantkit-scope-save-request': { name: string; created: boolean };
  'grantkit-scope-saved': { name: string; created: boolean };
  'grantkit-scope-delete-request': { name: string };
  'grantkit-scope-deleted': { name: string };
  'grantkit-scope-association-request': { clientId: string; name: string; allowed: boolean };
  'grantkit-scope-association-changed': { clientId: string; name: string; allowed: boolean };
  'grantkit-personal-token-create-request': { name: string; scope: string[]; expiresInDays: number };
  'grantkit-personal-token-created': { id: string; name: string; expiresAt: string };
  'grantkit-personal-token-revoke-request': { id: string; name: string };
  'grantkit-personal-token-regenerate-request': { id: string; name: string; expiresInDays: number };
  'grantkit-personal-token-regenerated': { id: string; name: string; expiresAt: string };
  'grantkit-personal-token-revoked': { id: string; name: string };
  'grantkit-connected-app-revoke-request': { clientId: string; name: string };
  'grantkit-connected-app-revoked': { clientId: string; name: string };
}

type GrantkitEventMap = { [K in keyof GrantkitElementEvents]: CustomEvent<GrantkitElementEvents[K]> };

declare global {
  // They bubble and are composed, so a page may listen on the document too.
  interface DocumentEventMap extends GrantkitEventMap {}
  interface HTMLElementEventMap extends GrantkitEventMap {}
}
