import { IntegrationList } from './integration-list.js';

export { IntegrationList };

if (!customElements.get('integration-list')) customElements.define('integration-list', IntegrationList);

declare global {
  interface HTMLElementTagNameMap {
    'integration-list': IntegrationList;
  }
}
