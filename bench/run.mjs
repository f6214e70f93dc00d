// `npm run bench`: measures grantkit against its peers in one run, prints a table, and
// writes bench/results.json. Ratios, not absolute numbers, are what carry between machines.
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { browserBenches } from './browser.mjs';
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

const browser = await browserBenches();

results.fetchOverhead = browser.fetchOverhead;
results.dpopOverhead = browser.dpopOverhead;
results.refreshStorm = browser.refreshStorm;
results.signIn = browser.signIn;
results.burst = browser.burst;
// Each list against the all-mounted baseline with as many rows, in the same run.
results.lists = Object.fromEntries(
  Object.entries(browser.lists).map(([name, l]) => {
    const baseline = browser.lists[`all rows mounted (baseline), ${name.split(', ').at(-1)}`];
    return [name, { ...l, 'first rows ÷ baseline': ratio(l.firstRowsMs, baseline.firstRowsMs), 'longest frame ÷ baseline': ratio(l.longestFrameMs, baseline.longestFrameMs), 'p95 frame ÷ baseline': ratio(l.p95FrameMs, baseline.p95FrameMs) }];
  }),
);
console.log('\nsdk.fetch with a token at hand vs fetch with the same header (loopback, 1,000 interleaved pairs, medians)');
console.table({ 'sdk.fetch': { ms: results.fetchOverhead.sdkFetchMs }, fetch: { ms: results.fetchOverhead.plainFetchMs }, 'ratio (sdk.fetch ÷ fetch)': { ms: results.fetchOverhead.ratio } });
console.log(`\nsdk.fetch with the demo's DPoP-bound token (${results.dpopOverhead.tokenType}; a new proof each call) vs fetch with the same Authorization header, no proof`);
console.table({ 'sdk.fetch (DPoP)': { ms: results.dpopOverhead.sdkFetchMs }, fetch: { ms: results.dpopOverhead.plainFetchMs }, 'ratio (sdk.fetch ÷ fetch)': { ms: results.dpopOverhead.ratio } });
console.log("\nBurst: 1,000 GET /admin/v1/me at once with a personal access token, sdk.fetch vs fetch with the same header (target: sdk.fetch >= 0.8x fetch)");
console.table(results.burst);
const burstRatio = (a, b) => ratio(results.burst[a]['req/s'], results.burst[b]['req/s']);
console.log(`sdk.fetch ÷ fetch: default cache ${burstRatio('sdk.fetch, default cache', 'fetch, default cache')}, no-store ${burstRatio("sdk.fetch, cache: 'no-store'", "fetch, cache: 'no-store'")}; no-store ÷ default (sdk.fetch) ${burstRatio("sdk.fetch, cache: 'no-store'", 'sdk.fetch, default cache')}`);
console.log('\nRefresh storm: an expired token, 1,000 sdk.fetch calls per page at once (target: 1 refresh)');
console.table(results.refreshStorm);
console.log('\nSign-in cost: requests to the authorization server while handleRedirectCallback completes (target with discovery cached: 1)');
console.table({ 'discovery cached': { requests: results.signIn.discoveryCached.requests, paths: results.signIn.discoveryCached.paths.join(' ') }, cold: { requests: results.signIn.cold.requests, paths: results.signIn.cold.paths.join(' ') } });
console.log('\nLarge lists: 10,000 and 100,000 rows, scrolled end to end with real wheel input (5 screens per event); frame times from requestAnimationFrame');
console.table(results.lists);

results.authMemory = (await import('./auth-memory.mjs')).results;
results.server = (await import('./server.mjs')).results;
await writeFile(path.join(import.meta.dirname, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log(`\n${results.machine}; written to bench/results.json`);
