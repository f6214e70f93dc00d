import { IntegrationDetails } from './integration-details.js';

// Re-exported so that the declaration files load the event map: with it, addEventListener('grantkit-…')
// hands the listener a CustomEvent typed by its detail, in apps that import only this element.
export type { GrantkitElementEvents } from '../shared/events.js';
export { IntegrationDetails };

IntegrationDetails.define('integration-details');

declare global {
  interface HTMLElementTagNameMap {
    'integration-details': IntegrationDetails;
  }
}
