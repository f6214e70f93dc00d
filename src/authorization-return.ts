import { clearResponseFromAddressBar } from './address-bar.js';
import { isAuthorizationResponse } from './authorization-response.js';
import type { CallbackResult } from './client-options.js';
import type { ResolvedInteractiveConfig } from './config.js';
import { GrantkitError } from './errors.js';
import { sameOriginPath } from './return-to.js';
import { hasPendingTransaction, peekTransaction, removeStaleTransactions, takeTransaction, type Transaction } from './transaction.js';

// The browser's return to the app: from sign-in (a code, or an error) or from the
// end-session endpoint (a state alone). Checked against the transaction this tab started,
// then handed to the client to exchange the code.

/** How a response is completed: from the page's address (cleaned, or put back to `returnTo`), or from a popup's. */
export type CompletionMode = 'redirect' | 'redirect-and-restore' | 'popup';

/** The client's part: exchange the code of this sign-in and keep the tokens. */
export type SignIn = (tx: Transaction) => Promise<void>;

// Callbacks in flight or done, by state: frameworks that run effects twice (React
// StrictMode) call handleRedirectCallback twice with the same URL and must get the
// same answer, not a "no transaction" error the second time.
const callbacks = new Map<string, Promise<CallbackResult>>();

export function completeOnce(config: ResolvedInteractiveConfig, url: URL, mode: CompletionMode, signIn: SignIn): Promise<CallbackResult> {
  const state = url.searchParams.get('state');
  const key = `${config.namespace} ${state}`;
  const known = state === null ? undefined : callbacks.get(key);
  if (known) return known;
  const result = complete(config, url, mode, signIn);
  if (state !== null) callbacks.set(key, result);
  return result;
}

async function complete(config: ResolvedInteractiveConfig, url: URL, mode: CompletionMode, signIn: SignIn): Promise<CallbackResult> {
  let restore: string | undefined;
  try {
    // Asked explicitly, a `code` without a state counts too: it is refused below as a state mismatch.
    if (!isAuthorizationResponse(url) && !url.searchParams.has('code')) {
      throw new GrantkitError('no_transaction', 'this URL carries no authorization response');
    }
    const state = url.searchParams.get('state');
    const pending = state === null ? undefined : peekTransaction(state);
    if (mode !== 'popup' && state !== null && (pending === undefined || pending.mode === 'popup')) {
      // Likely the callback page inside a sign-in popup: the window that opened it
      // holds the transaction and completes the sign-in.
      const { handToOpener } = await import('./popup-handshake.js');
      if (await handToOpener(url.href, state)) {
        window.close();
        return { returnTo: sameOriginPath(undefined), handledByOpener: true };
      }
    }
    const tx = state === null ? undefined : takeTransaction(state);
    if (tx === undefined || tx.namespace !== config.namespace) {
      // Either an old link, or a response this tab never asked for (CSRF, RFC 9700 §4.7).
      if (hasPendingTransaction(config.namespace)) {
        throw new GrantkitError('state_mismatch', 'the response does not match the sign-in this tab started');
      }
      throw new GrantkitError('no_transaction', 'no sign-in was started in this tab, or it was already completed');
    }
    // A slow logout confirmation is still a logout: the session here ended before the user left.
    if (tx.mode !== 'logout' && tx.expiresAt <= Date.now()) {
      throw new GrantkitError('no_transaction', 'the sign-in took too long and expired; please sign in again');
    }
    if (tx.mode === 'logout') {
      // Back from the end-session endpoint with the state this tab sent: the logout completed.
      if (mode === 'redirect-and-restore') restore = tx.returnTo;
      return { returnTo: tx.returnTo, signedOut: true };
    }
    await signIn(tx);
    if (mode === 'redirect-and-restore') restore = tx.returnTo;
    return { returnTo: tx.returnTo };
  } finally {
    removeStaleTransactions();
    if (mode !== 'popup') clearResponseFromAddressBar(url, restore);
  }
}
