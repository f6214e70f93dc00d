import { GrantkitError } from './errors.js';

/**
 * Loads a part of the core that most page loads never run (sign-in, refresh, sign-out) with
 * import(). A load that fails (offline, or a new deploy that removed the old chunk) is a
 * `network_error`, which the caller treats as any unreachable server: the session is kept,
 * and the next attempt loads again in browsers that retry a failed import(). Some keep the
 * failure for the life of the page (Chromium 150 does), hence "reload the page" in the message.
 */
export function loadPart<T>(load: () => Promise<T>, what: string): Promise<T> {
  return load().catch((cause: unknown) => {
    throw new GrantkitError('network_error', `the ${what} code could not be loaded; check the connection, or reload the page`, { cause });
  });
}
