import { TokenList } from './token-list.js';

export { TokenList };

if (!customElements.get('token-list')) customElements.define('token-list', TokenList);

declare global {
  interface HTMLElementTagNameMap {
    'token-list': TokenList;
  }
}
