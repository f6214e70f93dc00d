import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import pg from 'pg';

// One way to reach PostgreSQL for the whole server: the embedded PGlite (PostgreSQL in
// WebAssembly, in this process: `npm start` and the tests need no database server), or a
// real PostgreSQL server through a connection pool. Both run the same SQL.

/** Something SQL can be sent to: the database, or one transaction of it. */
export interface Queryable {
  /** Runs one statement with `$1…` parameters and returns its rows. */
  query<Row = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<Row[]>;
}

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(script: string): Promise<void>;
  close(): Promise<void>;
  /** PGlite only: a copy of the whole data directory, to open another database from (`from`). */
  dump?(): Promise<Blob | File>;
}

export interface DatabaseOptions {
  /** `postgres://…`: a real PostgreSQL server. Without it, the embedded PGlite. */
  url?: string;
  /** For PGlite: a directory to keep the data in across restarts; in memory when absent. */
  dataDir?: string;
  /** For PostgreSQL: the most connections to hold open. Default 10. */
  maxConnections?: number;
  /** For PGlite: start from this copy of a data directory (`dumpDataDir`): tests clone a migrated one, which is 4× faster than a new one. */
  from?: Blob | File;
}

export async function openDatabase(options: DatabaseOptions = {}): Promise<Database> {
  return options.url ? openPostgres(options.url, options.maxConnections ?? 10) : openPGlite(options.dataDir, options.from);
}

async function openPGlite(dataDir: string | undefined, from: Blob | File | undefined): Promise<Database> {
  const db = await PGlite.create({ ...(dataDir ? { dataDir } : {}), ...(from ? { loadDataDir: from } : {}), extensions: { pg_trgm } });
  const run = (q: { query: PGlite['query'] }): Queryable => ({
    query: async <Row>(text: string, params: readonly unknown[] = []) => (await q.query<Row>(text, [...params])).rows,
  });
  return {
    kind: 'pglite',
    ...run(db),
    // PGlite has one connection: its transactions run one after another, which is what
    // serialisable work on one connection means anyway.
    transaction: (work) => db.transaction((tx) => work(run(tx))),
    exec: async (script) => void (await db.exec(script)),
    close: () => db.close(),
    dump: () => db.dumpDataDir('none'),
  };
}

async function openPostgres(url: string, max: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max });
  // An idle connection that the server drops must not crash the process.
  pool.on('error', (error) => console.error('PostgreSQL connection error', error.message));
  const run = (client: pg.Pool | pg.PoolClient): Queryable => ({
    query: async <Row>(text: string, params: readonly unknown[] = []) => (await client.query(text, [...params])).rows as Row[],
  });
  await pool.query('select 1');
  return {
    kind: 'postgres',
    ...run(pool),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const result = await work(run(client));
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    exec: async (script) => void (await pool.query(script)),
    close: () => pool.end(),
  };
}
