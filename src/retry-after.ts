// A server that is overloaded or down for maintenance says when to come back. Waiting
// less than that only adds load to a server that is already struggling.

/** At most an hour: a longer wait is a server mistake, and the user would be stuck. */
const LONGEST_MS = 60 * 60 * 1000;

/** When a 429 or 503 asks to be tried again (RFC 9110 §10.2.3), in ms since the epoch; undefined when it does not say. */
export function retryAt(response: Response, now = Date.now()): number | undefined {
  if (response.status !== 429 && response.status !== 503) return undefined;
  const value = response.headers.get('retry-after')?.trim();
  if (!value) return undefined;
  // delta-seconds, or an HTTP date, which always names a day or month (Date.parse takes '-5' as a year).
  const ms = /^\d+$/.test(value) ? Number(value) * 1000 : /[a-z]/i.test(value) ? Date.parse(value) - now : NaN;
  if (Number.isNaN(ms)) return undefined;
  return now + Math.min(LONGEST_MS, Math.max(0, ms));
}
