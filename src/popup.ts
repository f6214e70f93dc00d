import { GrantkitError } from './errors.js';
import { takeTransaction } from './transaction.js';

export interface PopupOptions {
  /** Give up after this many seconds. Default 300. */
  timeoutInSeconds?: number;
  /** Window features for `window.open`. Default: a centred 500×650 window. */
  features?: string;
}

/**
 * Opens the sign-in window. Must be called synchronously inside the user's gesture
 * (before any `await`), or the browser blocks it.
 */
export function openPopup(features?: string): Window {
  const width = 500;
  const height = 650;
  const left = Math.max(0, window.screenX + (window.outerWidth - width) / 2);
  const top = Math.max(0, window.screenY + (window.outerHeight - height) / 2);
  const popup = window.open('', 'grantkit-login', features ?? `popup,width=${width},height=${height},left=${left},top=${top}`);
  if (!popup) throw new GrantkitError('popup_blocked', 'the browser blocked the sign-in window; call loginWithPopup from a click handler');
  return popup;
}

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
