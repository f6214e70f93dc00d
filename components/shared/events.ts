import type { AdminClient, Integration } from '../../src/admin/index.js';
import type { GrantkitClient } from '../../src/index.js';

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
  'grantkit-error': { error: unknown; code: string };
  'grantkit-rotate-request': { clientId: string; gracePeriodSeconds: number };
  'grantkit-secret-rotated': { clientId: string; last4: string; previousSecretExpiresAt: string | null };
  'grantkit-integration-select': { clientId: string };
  'grantkit-token-revoke-request': { id: string; clientId: string; subject: string };
  'grantkit-token-revoked': { id: string; clientId: string; subject: string };
  'grantkit-integration-created': { clientId: string; confidential: boolean };
  'grantkit-integration-updated': { clientId: string; integration: Integration };
  'grantkit-integration-status-changed': { clientId: string; status: Integration['status'] };
  'grantkit-integration-deleted': { clientId: string };
  'grantkit-scope-saved': { name: string; created: boolean };
  'grantkit-scope-deleted': { name: string };
  'grantkit-scope-association-changed': { clientId: string; name: string; allowed: boolean };
  'grantkit-personal-token-created': { id: string; name: string; expiresAt: string };
  'grantkit-personal-token-revoked': { id: string; name: string };
  'grantkit-connected-app-revoke-request': { clientId: string; name: string };
  'grantkit-connected-app-revoked': { clientId: string; name: string };
}

type GrantkitEventMap = { [K in keyof GrantkitElementEvents]: CustomEvent<GrantkitElementEvents[K]> };

declare global {
  // They bubble and are composed, so a page may listen on the document too.
  interface DocumentEventMap extends GrantkitEventMap {}
  interface HTMLElementEventMap {
    'grantkit-ready': CustomEvent<GrantkitElementEvents['grantkit-ready']>;
    'grantkit-signin': CustomEvent<GrantkitElementEvents['grantkit-signin']>;
    'grantkit-signout': CustomEvent<GrantkitElementEvents['grantkit-signout']>;
    'grantkit-error': CustomEvent<GrantkitElementEvents['grantkit-error']>;
    'grantkit-rotate-request': CustomEvent<GrantkitElementEvents['grantkit-rotate-request']>;
    'grantkit-secret-rotated': CustomEvent<GrantkitElementEvents['grantkit-secret-rotated']>;
    'grantkit-integration-select': CustomEvent<GrantkitElementEvents['grantkit-integration-select']>;
    'grantkit-token-revoke-request': CustomEvent<GrantkitElementEvents['grantkit-token-revoke-request']>;
    'grantkit-token-revoked': CustomEvent<GrantkitElementEvents['grantkit-token-revoked']>;
    'grantkit-integration-created': CustomEvent<GrantkitElementEvents['grantkit-integration-created']>;
    'grantkit-integration-updated': CustomEvent<GrantkitElementEvents['grantkit-integration-updated']>;
    'grantkit-integration-status-changed': CustomEvent<GrantkitElementEvents['grantkit-integration-status-changed']>;
    'grantkit-integration-deleted': CustomEvent<GrantkitElementEvents['grantkit-integration-deleted']>;
    'grantkit-scope-saved': CustomEvent<GrantkitElementEvents['grantkit-scope-saved']>;
    'grantkit-scope-deleted': CustomEvent<GrantkitElementEvents['grantkit-scope-deleted']>;
    'grantkit-scope-association-changed': CustomEvent<GrantkitElementEvents['grantkit-scope-association-changed']>;
    'grantkit-personal-token-created': CustomEvent<GrantkitElementEvents['grantkit-personal-token-created']>;
    'grantkit-personal-token-revoked': CustomEvent<GrantkitElementEvents['grantkit-personal-token-revoked']>;
    'grantkit-connected-app-revoke-request': CustomEvent<GrantkitElementEvents['grantkit-connected-app-revoke-request']>;
    'grantkit-connected-app-revoked': CustomEvent<GrantkitElementEvents['grantkit-connected-app-revoked']>;
  }
}
