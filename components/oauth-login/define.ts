import { OAuthLogin } from './oauth-login.js';

// Re-exported so that the declaration files load the event map: with it, addEventListener('grantkit-…')
// hands the listener a CustomEvent typed by its detail, in apps that import only this element.
export type { GrantkitElementEvents } from '../shared/events.js';
export { OAuthLogin };

if (!customElements.get('oauth-login')) customElements.define('oauth-login', OAuthLogin);

declare global {
  interface HTMLElementTagNameMap {
    'oauth-login': OAuthLogin;
  }
}
