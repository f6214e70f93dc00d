import { ApiProblem } from './problem.js';

// Keyset paging: a cursor names the last item sent, and the next page is what comes after
// it in the list's order, so items added or removed meanwhile neither repeat nor go missing.
// The database walks an index from there: a page costs the same at row 100,000 as at row 1.
// The cursor is opaque to clients; inside it is the sort key of the last item.

/** A page of `limit` out of `rows`, which the query fetched `limit + 1` of to know whether more follow. */
export function pageOf<T>(rows: readonly T[], limit: number, cursorOf: (last: T) => string): { items: T[]; next_cursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, next_cursor: rows.length > limit && last !== undefined ? encode(cursorOf(last)) : null };
}

/** 9999-12-31T23:59:59.999Z. */
const LAST_MS_OF_9999 = 253_402_300_799_999;

/** The cursor of a list ordered newest first by a time, ties broken by an id (descending). */
export function newestFirstCursor(at: Date, id: string): string {
  return `${at.getTime()}|${id}`;
}

/** The time and id a newest-first cursor names. */
export function readNewestFirstCursor(cursor: string): { at: Date; id: string } {
  const match = /^(\d{1,15})\|(.+)$/s.exec(decode(cursor));
  // Within the years a timestamp holds (PostgreSQL's and JavaScript's both end in 9999 as ISO text).
  if (!match || Number(match[1]) > LAST_MS_OF_9999) throw invalidCursor();
  return { at: new Date(Number(match[1])), id: match[2]! };
}

/** The cursor of a list ordered oldest first: its own mark, so that a newest-first cursor is not taken for one. */
export function oldestFirstCursor(at: Date, id: string): string {
  return `o|${newestFirstCursor(at, id)}`;
}

/** The time and id an oldest-first cursor names. */
export function readOldestFirstCursor(cursor: string): { at: Date; id: string } {
  const key = decode(cursor);
  if (!key.startsWith('o|')) throw invalidCursor();
  return readNewestFirstCursor(encode(key.slice(2)));
}

/** The cursor of a list ordered by a key, ascending. */
export function readKeyCursor(cursor: string): string {
  const key = decode(cursor);
  if (!key) throw invalidCursor();
  return key;
}

/** `%text%` for LIKE, with LIKE's own characters taken literally (escape character `\`). */
export function containing(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function encode(key: string): string {
  return Buffer.from(key).toString('base64url');
}

/** Text the database can compare with: no U+0000, which PostgreSQL's text refuses (a raw one, or one a JSON escape made). */
export function storableText(text: string): boolean {
  return !text.includes('\u0000');
}

function decode(cursor: string): string {
  const key = Buffer.from(cursor, 'base64url').toString('utf8');
  // Not one this API made, and not text the database can compare with.
  if (key.includes('\u0000')) throw invalidCursor();
  return key;
}

function invalidCursor(): ApiProblem {
  return new ApiProblem('validation_failed', 'the cursor is not one this API issued', { errors: [{ path: '/query/cursor', message: 'is not valid' }] });
}
