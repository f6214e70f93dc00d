import { CreateIntegrationDialog } from './create-integration-dialog.js';

export { CreateIntegrationDialog };

if (!customElements.get('create-integration-dialog')) customElements.define('create-integration-dialog', CreateIntegrationDialog);

declare global {
  interface HTMLElementTagNameMap {
    'create-integration-dialog': CreateIntegrationDialog;
  }
}
