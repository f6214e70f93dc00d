import { RotateSecretDialog } from './rotate-secret-dialog.js';

// Re-exported so that the declaration files load the event map: with it, addEventListener('grantkit-…')
// hands the listener a CustomEvent typed by its detail, in apps that import only this element.
export type { GrantkitElementEvents } from '../shared/events.js';
export { RotateSecretDialog };

if (!customElements.get('rotate-secret-dialog')) customElements.define('rotate-secret-dialog', RotateSecretDialog);

declare global {
  interface HTMLElementTagNameMap {
    'rotate-secret-dialog': RotateSecretDialog;
  }
}
