// The PostgreSQL server the benches may use: `npm run bench` runs under
// scripts/with-postgres.mjs, which sets TEST_DATABASE_URL (BENCH_DATABASE_URL overrides it).
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const postgresUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;

/** A new, empty database on that server; returns its URL. */
export async function freshPostgres(url = postgresUrl) {
  const name = `gk_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const fresh = new URL(url);
  fresh.pathname = `/${name}`;
  return fresh.href;
}
