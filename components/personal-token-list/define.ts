import { PersonalTokenList } from './personal-token-list.js';

// Re-exported so that the declaration files load the event map: with it, addEventListener('grantkit-…')
// hands the listener a CustomEvent typed by its detail, in apps that import only this element.
export type { GrantkitElementEvents } from '../shared/events.js';
export { PersonalTokenList };

if (!customElements.get('personal-token-list')) customElements.define('personal-token-list', PersonalTokenList);

declare global {
  interface HTMLElementTagNameMap {
    'personal-token-list': PersonalTokenList;
  }
}
