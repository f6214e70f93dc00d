import { ContextRoot, createContext } from '@lit/context';
import type { AdminClient, Me } from '../../src/admin/index.js';
import type { GrantkitClient } from '../../src/index.js';

/** What `<grantkit-provider>` hands to the elements inside it. */
export interface GrantkitContext {
  sdk?: GrantkitClient;
  admin?: AdminClient;
  /** The caller, asked once for all elements; rejects when the API refuses. */
  me?: Promise<Me>;
}

/** The context `<grantkit-provider>` provides to the elements inside it: the core client and the admin client. */
export const grantkitContext = createContext<GrantkitContext>(Symbol('grantkit'));

// An element may be defined (and ask for the context) before the provider around it is:
// the root keeps such requests and answers them once the provider upgrades. Every element
// imports this module first, so the root is there before any request.
const ROOT_ATTACHED = Symbol.for('grantkit.contextRoot');
const globals = globalThis as { [ROOT_ATTACHED]?: boolean };
if (typeof document !== 'undefined' && !globals[ROOT_ATTACHED]) {
  globals[ROOT_ATTACHED] = true;
  new ContextRoot().attach(document.documentElement);
}
