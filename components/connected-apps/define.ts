import { ConnectedApps } from './connected-apps.js';

// Re-exported so that the declaration files load the event map: with it, addEventListener('grantkit-…')
// hands the listener a CustomEvent typed by its detail, in apps that import only this element.
export type { GrantkitElementEvents } from '../shared/events.js';
export { ConnectedApps };

ConnectedApps.define('connected-apps');

declare global {
  interface HTMLElementTagNameMap {
    'connected-apps': ConnectedApps;
  }
}
