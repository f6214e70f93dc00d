import { RotateSecretDialog } from './rotate-secret-dialog.js';

export { RotateSecretDialog };

if (!customElements.get('rotate-secret-dialog')) customElements.define('rotate-secret-dialog', RotateSecretDialog);

declare global {
  interface HTMLElementTagNameMap {
    'rotate-secret-dialog': RotateSecretDialog;
  }
}
