import { ScopeManager } from './scope-manager.js';

export { ScopeManager };

if (!customElements.get('scope-manager')) customElements.define('scope-manager', ScopeManager);

declare global {
  interface HTMLElementTagNameMap {
    'scope-manager': ScopeManager;
  }
}
