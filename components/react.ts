/**
 * `useAuth()`: the core client as React state.
 * @module grantkit/react
 */
// `grantkit/react`: the `useAuth()` hook, and nothing that registers an element, so an app that
// only signs users in downloads no element and no Lit. The element wrappers are
// `grantkit/react/elements`.
export { useAuth } from './use-auth.js';
export type { Auth, AuthStatus } from './use-auth.js';
