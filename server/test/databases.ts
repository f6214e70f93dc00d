import { mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from '../db/database.js';

/** A database of one kind, new and empty, and how to get rid of it. */
export interface TestDatabase {
  db: Database;
  /** Opens another connection to the same database (another server process, in effect). */
  reopen(): Promise<Database>;
  drop(): Promise<void>;
}

export interface Backend {
  name: string;
  /** Why it cannot run here, when it cannot. */
  skip?: string;
  fresh(): Promise<TestDatabase>;
}

const postgresUrl = process.env.TEST_DATABASE_URL;

/**
 * The backends every storage test runs on: embedded PGlite in memory and in a directory,
 * and a real PostgreSQL (scripts/with-postgres.mjs starts one for `npm test`).
 */
export const BACKENDS: Backend[] = [
  {
    name: 'PGlite in memory',
    async fresh() {
      const db = await openDatabase();
      return { db, reopen: () => Promise.reject(new Error('an in-memory PGlite has one connection')), drop: () => db.close() };
    },
  },
  {
    name: 'PGlite in a directory',
    async fresh() {
      const dir = mkdtempSync(join(tmpdir(), 'grantkit-pglite-'));
      let db = await openDatabase({ dataDir: dir });
      return {
        db,
        // PGlite takes one process per directory: "reopening" closes the first one.
        reopen: async () => {
          await db.close();
          db = await openDatabase({ dataDir: dir });
          return db;
        },
        drop: async () => {
          await db.close().catch(() => undefined);
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  },
  {
    name: 'PostgreSQL',
    ...(postgresUrl ? {} : { skip: 'TEST_DATABASE_URL is not set: run through npm test, which starts a throw-away PostgreSQL' }),
    async fresh() {
      const name = `gk_test_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: postgresUrl });
      await admin.connect();
      await admin.query(`create database ${name}`);
      await admin.end();
      const url = new URL(postgresUrl!);
      url.pathname = `/${name}`;
      const opened: Database[] = [];
      const open = async () => {
        const db = await openDatabase({ url: url.href });
        opened.push(db);
        return db;
      };
      const db = await open();
      return {
        db,
        reopen: open,
        drop: async () => {
          await Promise.all(opened.map((d) => d.close().catch(() => undefined)));
          const cleanup = new pg.Client({ connectionString: postgresUrl });
          await cleanup.connect();
          await cleanup.query(`drop database if exists ${name} with (force)`);
          await cleanup.end();
        },
      };
    },
  },
];
