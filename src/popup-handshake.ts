import { GrantkitError } from './errors.js';
import type { PopupOptions } from './popup-window.js';

// The popup sign-in's exchange between the two windows, loaded when a popup sign-in starts
// or a callback page may be inside one: an app that never uses a popup never loads it.

const POLL_MS = 100;
/**
 * How long a popup that looks closed may still deliver its response. A page with a
 * Cross-Origin-Opener-Policy cuts the popup off from its opener, which then sees it as
 * closed although the user is still signing in; the response comes over the channel.
 */
const CLOSED_GRACE_MS = 3000;
const ACK_WAIT_MS = 1000;
const CHANNEL = 'grantkit:popup';

type PopupMessage = { type: 'callback'; state: string; url: string } | { type: 'ack'; state: string };

function readHref(popup: Window): string | undefined {
  try {
    return popup.location.href;
  } catch {
    return undefined; // Cross-origin while the user is at the authorization server.
  }
}

/**
 * Waits for the response of the popup sign-in with this `state`. It arrives either from
 * grantkit running on the callback page in the popup (over a same-origin
 * BroadcastChannel, which works even when COOP severed the window handle), or, for
 * callback pages without grantkit, by reading the popup's address once it is same-origin.
 */
export function waitForPopupCallback(popup: Window, redirectUri: string, state: string, options: PopupOptions): Promise<string> {
  const expected = new URL(redirectUri);
  const deadline = Date.now() + (options.timeoutInSeconds ?? 300) * 1000;
  const channel = typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(CHANNEL);
  return new Promise((resolve, reject) => {
    let closedSince: number | undefined;
    const finish = (settle: () => void): void => {
      clearInterval(timer);
      channel?.close();
      settle();
    };
    if (channel) {
      channel.onmessage = (event: MessageEvent<PopupMessage>) => {
        const message = event.data;
        if (message?.type !== 'callback' || message.state !== state) return;
        channel.postMessage({ type: 'ack', state } satisfies PopupMessage);
        finish(() => resolve(message.url));
      };
    }
    const timer = setInterval(() => {
      const href = readHref(popup);
      if (href) {
        const url = new URL(href, location.href);
        if (url.origin === expected.origin && url.pathname === expected.pathname && url.searchParams.get('state') === state) {
          popup.close();
          finish(() => resolve(url.href));
          return;
        }
      }
      if (popup.closed) {
        closedSince ??= Date.now();
        if (Date.now() - closedSince > CLOSED_GRACE_MS) {
          finish(() => reject(new GrantkitError('popup_closed', 'the sign-in window was closed before sign-in finished')));
        }
      } else if (Date.now() > deadline) {
        popup.close();
        finish(() => reject(new GrantkitError('popup_timeout', 'sign-in in the popup took too long')));
      }
    }, POLL_MS);
  });
}

/**
 * On the callback page inside the popup: offers the response to the window that started
 * the sign-in. Resolves true once that window has taken it.
 */
export function handToOpener(url: string, state: string): Promise<boolean> {
  if (typeof BroadcastChannel === 'undefined') return Promise.resolve(false);
  const channel = new BroadcastChannel(CHANNEL);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      channel.close();
      resolve(false);
    }, ACK_WAIT_MS);
    channel.onmessage = (event: MessageEvent<PopupMessage>) => {
      if (event.data?.type !== 'ack' || event.data.state !== state) return;
      clearTimeout(timer);
      channel.close();
      resolve(true);
    };
    channel.postMessage({ type: 'callback', state, url } satisfies PopupMessage);
  });
}
