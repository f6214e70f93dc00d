import type { Queryable } from './database.js';

/**
 * A key every server process on the database shares (the token signing key, the cookie
 * keys, the DPoP nonce secret): the first process to start makes it, and every other one,
 * then and after a restart, reads that one. Two processes starting at once both try to
 * insert; the primary key keeps the first, and both read it back.
 */
export async function sharedKey<T>(db: Queryable, name: string, make: () => T): Promise<T> {
  await db.query('insert into server_keys (name, value) values ($1, $2) on conflict (name) do nothing', [name, JSON.stringify(make())]);
  const [row] = await db.query<{ value: T }>('select value from server_keys where name = $1', [name]);
  if (!row) throw new Error(`the shared key "${name}" is missing right after it was written`);
  return row.value;
}

/**
 * Whether this process is the one that first claims `name` (a one-time job, such as seeding
 * the demo's example data): true for exactly one process, ever, on a database.
 */
export async function claimOnce(db: Queryable, name: string): Promise<boolean> {
  const rows = await db.query('insert into server_keys (name, value) values ($1, $2) on conflict (name) do nothing returning 1', [name, JSON.stringify(new Date().toISOString())]);
  return rows.length > 0;
}
