import { PersonalTokenList } from './personal-token-list.js';

// Re-exported so that the declaration files load the event map: with it, addEventListener('grantkit-…')
// hands the listener a CustomEvent typed by its detail, in apps that import only this element.
export type { GrantkitElementEvents } from '../shared/events.js';
export { PersonalTokenList };

PersonalTokenList.define('personal-token-list');

declare global {
  interface HTMLElementTagNameMap {
    'personal-token-list': PersonalTokenList;
  }
}
