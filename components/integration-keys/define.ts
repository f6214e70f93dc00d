import { IntegrationKeys } from './integration-keys.js';

// Re-exported so that the declaration files load the event map: with it, addEventListener('grantkit-…')
// hands the listener a CustomEvent typed by its detail, in apps that import only this element.
export type { GrantkitElementEvents } from '../shared/events.js';
export { IntegrationKeys };

IntegrationKeys.define('integration-keys');

declare global {
  interface HTMLElementTagNameMap {
    'integration-keys': IntegrationKeys;
  }
}
