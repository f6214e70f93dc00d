import { GrantkitError } from './errors.js';

/**
 * Waits for `outcome` at most `ms`, then rejects with network_error (told to `onLate` too);
 * `outcome` itself runs on. A refresh the server may have handled is never abandoned: its
 * answer may hold the only copy of a rotated refresh token (see the client's refresh).
 */
export async function waitAtMost<T>(outcome: Promise<T>, ms: number, onLate: (error: GrantkitError) => void): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new GrantkitError('network_error', 'the token endpoint did not answer in time; its answer is still awaited');
      onLate(error);
      reject(error);
    }, ms);
  });
  try {
    return await Promise.race([outcome, late]);
  } finally {
    clearTimeout(timer);
  }
}
