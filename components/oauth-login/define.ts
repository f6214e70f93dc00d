import { OAuthLogin } from './oauth-login.js';

export { OAuthLogin };

if (!customElements.get('oauth-login')) customElements.define('oauth-login', OAuthLogin);

declare global {
  interface HTMLElementTagNameMap {
    'oauth-login': OAuthLogin;
  }
}
