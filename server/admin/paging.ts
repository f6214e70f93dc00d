import { ApiProblem } from './problem.js';

/**
 * Cursor paging over a list sorted by `key`: the cursor is the key of the last item
 * sent, so items added or removed meanwhile neither repeat nor go missing.
 */
export function page<T>(items: readonly T[], key: (item: T) => string, cursor: string | undefined, limit: number): { items: T[]; next_cursor: string | null } {
  let start = 0;
  if (cursor !== undefined) {
    let after: string;
    try {
      after = Buffer.from(cursor, 'base64url').toString('utf8');
    } catch {
      after = '';
    }
    if (!after) throw new ApiProblem('validation_failed', 'the cursor is not one this API issued', { errors: [{ path: '/query/cursor', message: 'is not valid' }] });
    start = items.findIndex((item) => key(item) > after);
    if (start === -1) start = items.length;
  }
  const slice = items.slice(start, start + limit);
  const more = start + limit < items.length;
  return { items: slice, next_cursor: more ? Buffer.from(key(slice[slice.length - 1]!)).toString('base64url') : null };
}
