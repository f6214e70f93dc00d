import { IntegrationDetails } from './integration-details.js';

export { IntegrationDetails };

if (!customElements.get('integration-details')) customElements.define('integration-details', IntegrationDetails);

declare global {
  interface HTMLElementTagNameMap {
    'integration-details': IntegrationDetails;
  }
}
