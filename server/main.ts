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
const { server, store } = await createApp({ origin, adminCorsOrigins, demo, ...(values.data ? { dataFile: values.data } : {}) });
server.listen(port, host, () => {
  const lines = [
    '',
    `  grantkit demo and reference server: ${origin}/`,
    `  admin API: ${origin}/admin/v1 (docs/admin-api.yaml)`,
    values.data ? `  state kept in ${values.data}` : '  state kept in memory (use --data FILE to keep it)',
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
  // Writes are coalesced: the last one may still be on its way when the server stops.
  process.on(signal, () => server.close(() => void store.flushed().then(() => process.exit(0))));
}
