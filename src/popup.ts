import { GrantkitError } from './errors.js';

export interface PopupOptions {
  /** Give up after this many seconds. Default 300. */
  timeoutInSeconds?: number;
  /** Window features for `window.open`. Default: a centred 500×650 window. */
  features?: string;
}

const POLL_MS = 100;

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
 * Waits until the popup is back on `redirectUri` with our `state`, and returns that URL.
 * The opener reads the popup's address itself once it is same-origin again, so the
 * callback page needs no grantkit code; the page in the popup cannot complete the
 * sign-in either, as the transaction stays with the opener.
 */
export function waitForPopupCallback(popup: Window, redirectUri: string, state: string, options: PopupOptions): Promise<string> {
  const expected = new URL(redirectUri);
  const deadline = Date.now() + (options.timeoutInSeconds ?? 300) * 1000;
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      let href: string | undefined;
      try {
        href = popup.location.href;
      } catch {
        // Cross-origin while the user is at the authorization server.
      }
      if (href) {
        const url = new URL(href, location.href);
        if (url.origin === expected.origin && url.pathname === expected.pathname && url.searchParams.get('state') === state) {
          clearInterval(timer);
          popup.close();
          resolve(url.href);
          return;
        }
      }
      if (popup.closed) {
        clearInterval(timer);
        reject(new GrantkitError('popup_closed', 'the sign-in window was closed before sign-in finished'));
      } else if (Date.now() > deadline) {
        clearInterval(timer);
        popup.close();
        reject(new GrantkitError('popup_timeout', 'sign-in in the popup took too long'));
      }
    }, POLL_MS);
  });
}
