/**
 * The elements as React components, with typed `on…` props for their events.
 * @module grantkit/react/elements
 */
// React wrappers of the grantkit elements (`grantkit/react/elements`), made with @lit/react:
// props become element properties, and each `grantkit-*` event becomes a typed `on…` prop.
// Importing this registers every element; `grantkit/react` (the `useAuth` hook) does not.
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import { CreateIntegrationDialog as CreateIntegrationDialogElement } from './create-integration-dialog/define.js';
import { GrantkitProvider as GrantkitProviderElement } from './grantkit-provider/define.js';
import { IntegrationDetails as IntegrationDetailsElement } from './integration-details/define.js';
import { IntegrationKeys as IntegrationKeysElement } from './integration-keys/define.js';
import { IntegrationList as IntegrationListElement } from './integration-list/define.js';
import { OAuthLogin as OAuthLoginElement } from './oauth-login/define.js';
import { PersonalTokenList as PersonalTokenListElement } from './personal-token-list/define.js';
import { ConnectedApps as ConnectedAppsElement } from './connected-apps/define.js';
import { RotateSecretDialog as RotateSecretDialogElement } from './rotate-secret-dialog/define.js';
import { ScopeManager as ScopeManagerElement } from './scope-manager/define.js';
import type { GrantkitElementEvents } from './shared/events.js';
import { TokenList as TokenListElement } from './token-list/define.js';

/** The React event prop for a grantkit event, typed by its detail. */
const on = <K extends keyof GrantkitElementEvents>(type: K) => type as EventName<CustomEvent<GrantkitElementEvents[K]>>;

/** `<grantkit-provider>` as a React component: props set its properties, and `on…` props listen to its events. */
export const GrantkitProvider = createComponent({
  react: React,
  tagName: 'grantkit-provider',
  elementClass: GrantkitProviderElement,
  events: { onReady: on('grantkit-ready'), onSignIn: on('grantkit-signin'), onError: on('grantkit-error') },
});

/** `<oauth-login>` as a React component: props set its properties, and `on…` props listen to its events. */
export const OAuthLogin = createComponent({
  react: React,
  tagName: 'oauth-login',
  elementClass: OAuthLoginElement,
  events: { onSignIn: on('grantkit-signin'), onSignOut: on('grantkit-signout'), onError: on('grantkit-error') },
});

/** `<integration-list>` as a React component: props set its properties, and `on…` props listen to its events. */
export const IntegrationList = createComponent({
  react: React,
  tagName: 'integration-list',
  elementClass: IntegrationListElement,
  events: { onSelect: on('grantkit-integration-select'), onError: on('grantkit-error') },
});

/** `<integration-details>` as a React component: props set its properties, and `on…` props listen to its events. */
export const IntegrationDetails = createComponent({
  react: React,
  tagName: 'integration-details',
  elementClass: IntegrationDetailsElement,
  events: {
    onUpdated: on('grantkit-integration-updated'),
    onStatusChanged: on('grantkit-integration-status-changed'),
    onDeleted: on('grantkit-integration-deleted'),
    onSecretRotated: on('grantkit-secret-rotated'),
    onGracePeriodEnded: on('grantkit-grace-period-ended'),
    onError: on('grantkit-error'),
  },
});

/** `<create-integration-dialog>` as a React component: props set its properties, and `on…` props listen to its events. */
export const CreateIntegrationDialog = createComponent({
  react: React,
  tagName: 'create-integration-dialog',
  elementClass: CreateIntegrationDialogElement,
  events: { onCreated: on('grantkit-integration-created'), onError: on('grantkit-error') },
});

/** `<rotate-secret-dialog>` as a React component: props set its properties, and `on…` props listen to its events. */
export const RotateSecretDialog = createComponent({
  react: React,
  tagName: 'rotate-secret-dialog',
  elementClass: RotateSecretDialogElement,
  events: { onRotateRequest: on('grantkit-rotate-request'), onSecretRotated: on('grantkit-secret-rotated'), onError: on('grantkit-error') },
});

/** `<scope-manager>` as a React component: props set its properties, and `on…` props listen to its events. */
export const ScopeManager = createComponent({
  react: React,
  tagName: 'scope-manager',
  elementClass: ScopeManagerElement,
  events: {
    onSaved: on('grantkit-scope-saved'),
    onDeleted: on('grantkit-scope-deleted'),
    onAssociationChanged: on('grantkit-scope-association-changed'),
    onError: on('grantkit-error'),
  },
});

/** `<token-list>` as a React component: props set its properties, and `on…` props listen to its events. */
export const TokenList = createComponent({
  react: React,
  tagName: 'token-list',
  elementClass: TokenListElement,
  events: { onRevokeRequest: on('grantkit-token-revoke-request'), onRevoked: on('grantkit-token-revoked'), onRevokedAll: on('grantkit-tokens-revoked-all'), onError: on('grantkit-error') },
});

/** `<personal-token-list>` as a React component: props set its properties, and `on…` props listen to its events. */
export const PersonalTokenList = createComponent({
  react: React,
  tagName: 'personal-token-list',
  elementClass: PersonalTokenListElement,
  events: {
    onCreated: on('grantkit-personal-token-created'),
    onRegenerated: on('grantkit-personal-token-regenerated'),
    onRevoked: on('grantkit-personal-token-revoked'),
    onError: on('grantkit-error'),
  },
});

/** `<connected-apps>` as a React component: props set its properties, and `on…` props listen to its events. */
export const ConnectedApps = createComponent({
  react: React,
  tagName: 'connected-apps',
  elementClass: ConnectedAppsElement,
  events: { onRevokeRequest: on('grantkit-connected-app-revoke-request'), onRevoked: on('grantkit-connected-app-revoked'), onError: on('grantkit-error') },
});

/** `<integration-keys>` as a React component: props set its properties, and `on…` props listen to its events. */
export const IntegrationKeys = createComponent({
  react: React,
  tagName: 'integration-keys',
  elementClass: IntegrationKeysElement,
  events: {
    onAddRequest: on('grantkit-key-add-request'),
    onAdded: on('grantkit-key-added'),
    onRemoveRequest: on('grantkit-key-remove-request'),
    onRemoved: on('grantkit-key-removed'),
    onError: on('grantkit-error'),
  },
});

export type { GrantkitElementEvents } from './shared/events.js';
