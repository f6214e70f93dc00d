import { ConnectedApps } from './connected-apps.js';

export { ConnectedApps };

if (!customElements.get('connected-apps')) customElements.define('connected-apps', ConnectedApps);

declare global {
  interface HTMLElementTagNameMap {
    'connected-apps': ConnectedApps;
  }
}
