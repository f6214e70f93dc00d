import { createContext } from '@lit/context';
import type { AdminClient, Me } from '../../src/admin/index.js';
import type { GrantkitClient } from '../../src/index.js';

/** What `<grantkit-provider>` hands to the elements inside it. */
export interface GrantkitContext {
  sdk?: GrantkitClient;
  admin?: AdminClient;
  /** The caller, asked once for all elements; rejects when the API refuses. */
  me?: Promise<Me>;
}

export const grantkitContext = createContext<GrantkitContext>(Symbol('grantkit'));
