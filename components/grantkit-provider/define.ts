import { GrantkitProvider } from './grantkit-provider.js';

// Re-exported so that the declaration files load the event map: with it, addEventListener('grantkit-…')
// hands the listener a CustomEvent typed by its detail, in apps that import only this element.
export type { GrantkitElementEvents } from '../shared/events.js';
export { GrantkitProvider };

if (!customElements.get('grantkit-provider')) customElements.define('grantkit-provider', GrantkitProvider);

declare global {
  interface HTMLElementTagNameMap {
    'grantkit-provider': GrantkitProvider;
  }
}
