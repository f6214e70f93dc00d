import { DEMO_ACCOUNTS } from './accounts.js';
import { createApp } from './app.js';

const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '127.0.0.1';
// The issuer must be the exact origin the browser uses: 127.0.0.1 is not localhost.
const origin = process.env.PUBLIC_ORIGIN ?? `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;

const { server } = createApp({ origin });
server.listen(port, host, () => {
  const lines = [
    '',
    `  grantkit demo and reference server: ${origin}/`,
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
  process.on(signal, () => server.close(() => process.exit(0)));
}
