import { CreateIntegrationDialog } from './create-integration-dialog.js';

// Re-exported so that the declaration files load the event map: with it, addEventListener('grantkit-…')
// hands the listener a CustomEvent typed by its detail, in apps that import only this element.
export type { GrantkitElementEvents } from '../shared/events.js';
export { CreateIntegrationDialog };

CreateIntegrationDialog.define('create-integration-dialog');

declare global {
  interface HTMLElementTagNameMap {
    'create-integration-dialog': CreateIntegrationDialog;
  }
}
