// `npm run bench`: measures grantkit against its peers in one run, prints a table, and
// writes bench/results.json. Ratios, not absolute numbers, are what carry between machines.
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sizes } from './size.mjs';

const ratio = (value, base) => (base ? Math.round((value / base) * 100) / 100 : null);

const results = {
  date: new Date().toISOString(),
  machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
};

const { clients, parts } = await sizes();
const peer = clients['oidc-client-ts'].gzip;
const floor = clients['floor: oauth4webapi + idb-keyval'].gzip;
const table = (rows) =>
  Object.fromEntries(
    Object.entries(rows).map(([name, s]) => [name, { ...s, 'gzip ÷ oidc-client-ts': ratio(s.gzip, peer), 'gzip ÷ floor': ratio(s.gzip, floor) }]),
  );
results.size = { method: 'esbuild --bundle --minify --format=esm (browser, es2022); gzip -9; brotli 11', clients: table(clients), parts: table(parts) };

console.log(`\nSize, bytes (${results.size.method})`);
console.table(results.size.clients);
console.table(results.size.parts);

await writeFile(path.join(import.meta.dirname, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log(`\n${results.machine}; written to bench/results.json`);
