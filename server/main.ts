import { parseArgs } from 'node:util';
import { DEMO_ACCOUNTS } from './accounts.js';
import { createApp } from './app.js';

const { values } = parseArgs({ options: { data: { type: 'string' } } });
const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '127.0.0.1';
// The issuer must be the exact origin the browser uses: 127.0.0.1 is not localhost.
const origin = process.env.PUBLIC_ORIGIN ?? `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;

const adminCorsOrigins = (process.env.ADMIN_CORS_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean);
const { server, store } = await createApp({ origin, adminCorsOrigins, ...(values.data ? { dataFile: values.data } : {}) });
server.listen(port, host, () => {
  const lines = [
    '',
    `  grantkit demo and reference server: ${origin}/`,
    `  admin API: ${origin}/admin/v1 (docs/admin-api.yaml)`,
    values.data ? `  state kept in ${values.data}` : '  state kept in memory (use --data FILE to keep it)',
    '',
    '  Demo accounts:',
    ...DEMO_ACCOUNTS.map((a) => `    ${a.email.padEnd(18)} password ${a.password.padEnd(9)} (${a.roles.join(', ')})`),
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
