import { GrantkitError } from './errors.js';

// Opening the window stays in the core, outside the lazily loaded sign-in code: it must
// happen synchronously inside the click, before anything is awaited.

/** The sign-in window of {@link GrantkitClient.loginWithPopup}. */
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

