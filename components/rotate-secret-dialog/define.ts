import { RotateSecretDialog } from './rotate-secret-dialog.js';

// Re-exported so that the declaration files load the event map: with it, addEventListener('grantkit-…')
// hands the listener a CustomEvent typed by its detail, in apps that import only this element.
export type { GrantkitElementEvents } from '../shared/events.js';
export { RotateSecretDialog };

RotateSecretDialog.define('rotate-secret-dialog');

declare global {
  interface HTMLElementTagNameMap {
    'rotate-secret-dialog': RotateSecretDialog;
  }
}
