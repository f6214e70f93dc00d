import { ApiProblem } from './problem.js';

/**
 * Cursor paging in ascending order of `key`: the cursor is the key of the last item
 * sent, so items added or removed meanwhile neither repeat nor go missing. Keys must be
 * unique; `items` may come in any order.
 *
 * One pass, without sorting the whole list: each key is computed once (a comparator that
 * derived keys would do it n log n times, with the event loop blocked throughout) and only
 * the page is kept, in a buffer of at most `limit` items. Keys are compared by UTF-16 code
 * units, the same comparison the cursor is matched with: a locale-aware order disagrees
 * with `<` on some keys, and the page after such a key would skip or repeat items.
 */
/**
 * A key that sorts newest first in `page`'s ascending order: the time (ms since the epoch)
 * inverted and padded, then an id that breaks ties and keeps keys unique.
 */
export function newestFirstKey(ms: number, id: string): string {
  return `${(9_999_999_999_999 - ms).toString().padStart(13, '0')}|${id}`;
}

export function page<T>(items: readonly T[], key: (item: T) => string, cursor: string | undefined, limit: number): { items: T[]; next_cursor: string | null } {
  const after = cursor === undefined ? undefined : decodeCursor(cursor);
  const best: Array<{ key: string; item: T }> = [];
  let remaining = 0;
  for (const item of items) {
    const k = key(item);
    if (after !== undefined && !(k > after)) continue;
    remaining++;
    if (best.length === limit && !(k < best[limit - 1]!.key)) continue;
    best.splice(insertionPoint(best, k), 0, { key: k, item });
    if (best.length > limit) best.pop();
  }
  const last = best[best.length - 1];
  return { items: best.map((b) => b.item), next_cursor: remaining > limit && last ? Buffer.from(last.key).toString('base64url') : null };
}

function decodeCursor(cursor: string): string {
  const after = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!after) throw new ApiProblem('validation_failed', 'the cursor is not one this API issued', { errors: [{ path: '/query/cursor', message: 'is not valid' }] });
  return after;
}

/** Where `k` goes in the sorted buffer, by binary search. */
function insertionPoint(sorted: ReadonlyArray<{ key: string }>, k: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]!.key < k) low = middle + 1;
    else high = middle;
  }
  return low;
}
