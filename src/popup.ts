import { GrantkitError } from './errors.js';
import { takeTransaction } from './transaction.js';
import type { PopupOptions } from './popup-window.js';

/**
 * The popup sign-in once its window is open: `start` makes the authorization URL and the
 * transaction, the popup goes there, and what comes back is the callback URL with the
 * response. The window closes, and the transaction is dropped, if anything fails.
 */
export async function runPopup(popup: Window, start: () => Promise<{ url: URL; state: string }>, redirectUri: string, options: PopupOptions): Promise<string> {
  // Loading at once: the popup may come back before the sign-in page has even shown (an SSO session).
  const handshake = import('./popup-handshake.js');
  handshake.catch(() => undefined); // awaited below; not an unhandled rejection in the meantime
  let started: { url: URL; state: string };
  try {
    started = await start();
  } catch (error) {
    popup.close();
    throw error;
  }
  popup.location.href = started.url.href;
  try {
    const { waitForPopupCallback } = await handshake.catch((cause: unknown) => {
      popup.close();
      throw new GrantkitError('network_error', 'the popup sign-in could not load its code; reload the page', { cause });
    });
    return await waitForPopupCallback(popup, redirectUri, started.state, options);
  } catch (error) {
    takeTransaction(started.state);
    throw error;
  }
}
