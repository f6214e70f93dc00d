import { parseArgs } from 'node:util';
import { DEMO_ACCOUNTS } from './accounts.js';
import { createApp } from './app.js';

// --demo: the demo's accounts (with their passwords on the login page) and example data. `npm start`
// passes it; a copy run as a service leaves it out and supplies its own accounts (see createApp).
const { values } = parseArgs({ options: { data: { type: 'string' }, demo: { type: 'boolean', default: false } } });
const demo = values.demo === true;
const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '127.0.0.1';
// The issuer must be the exact origin the browser uses: 127.0.0.1 is not localhost.
const origin = process.env.PUBLIC_ORIGIN ?? `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;

const adminCorsOrigins = (process.env.ADMIN_CORS_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean);
// DATABASE_URL=postgres://… runs on a PostgreSQL server (several processes may share it); without
// it, the embedded PGlite keeps the state in memory, or in the directory given with --data.
const databaseUrl = process.env.DATABASE_URL;
if (databaseUrl && values.data) {
  console.error('grantkit: give either DATABASE_URL (PostgreSQL) or --data DIR (embedded PGlite), not both');
  process.exit(2);
}
const { server, shutdown } = await createApp({ origin, adminCorsOrigins, demo, database: databaseUrl ? { url: databaseUrl } : { ...(values.data ? { dataDir: values.data } : {}) } });
server.listen(port, host, () => {
  const lines = [
    '',
    `  grantkit demo and reference server: ${origin}/`,
    `  admin API: ${origin}/admin/v1 (docs/admin-api.yaml)`,
    databaseUrl
      ? `  state kept in PostgreSQL (${redacted(databaseUrl)})`
      : values.data ? `  state kept in ${values.data} (embedded PGlite)` : '  state kept in memory, embedded PGlite (use --data DIR to keep it, or DATABASE_URL=postgres://… for PostgreSQL)',
    '',
    ...(demo
      ? ['  Demo accounts:', ...DEMO_ACCOUNTS.hints.map((a) => `    ${a.email.padEnd(18)} password ${a.password.padEnd(9)} (${a.role})`)]
      : ['  No accounts: this is not demo mode (--demo), and nobody can sign in until createApp is given an account directory.']),
    '',
    '  Press Ctrl+C to stop.',
    '',
  ];
  console.log(lines.join('\n'));
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  // Requests in flight finish, then the database is closed cleanly (PGlite writes its directory out).
  process.on(signal, () => server.close(() => void shutdown().then(() => process.exit(0))));
}

/** The URL without its password, for the start-up message. */
function redacted(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.href;
}
