import { PersonalTokenList } from './personal-token-list.js';

export { PersonalTokenList };

if (!customElements.get('personal-token-list')) customElements.define('personal-token-list', PersonalTokenList);

declare global {
  interface HTMLElementTagNameMap {
    'personal-token-list': PersonalTokenList;
  }
}
