import { GrantkitProvider } from './grantkit-provider.js';

export { GrantkitProvider };

if (!customElements.get('grantkit-provider')) customElements.define('grantkit-provider', GrantkitProvider);

declare global {
  interface HTMLElementTagNameMap {
    'grantkit-provider': GrantkitProvider;
  }
}
