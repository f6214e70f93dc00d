// Memory of the reference server under an anonymous sign-in flood: 20,000 GET /auth with
// valid parameters (PKCE), 50 in flight, to 127.0.0.1 only. Each run starts the built server
// (build/server/app.js, `npm run build:server`) in a child process with --expose-gc: on PGlite
// in memory, on PGlite in a directory (--data DIR) and, when BENCH_DATABASE_URL or
// TEST_DATABASE_URL names a PostgreSQL server, on a new database there; and reads its RSS and heapUsed before the
// flood, right after it, after a GC, and after the interactions' 600 s have passed (the
// child's clock is moved on; the sweep runs every 0.5 s) and a GC. PGlite is PostgreSQL inside
// the server's process, so its memory (WebAssembly's, which never shrinks) counts in the RSS.
// Usage: npm run build:server && node bench/auth-memory.mjs
import { fork } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../test/support/free-port.mjs';
import { freshPostgres, postgresUrl } from './postgres.mjs';

const REQUESTS = Number(process.env.AUTH_MEMORY_REQUESTS ?? 20_000);
const IN_FLIGHT = 50;
const SOURCES = 40;
/** A run that has not finished by then is stopped and reported as such, so the bench always ends. */
const RUN_LIMIT_MS = 150_000;
const INTERACTION_TTL_MS = 600_000;
const APP = new URL('../build/server/app.js', import.meta.url).href;

export const results = process.argv[2] === 'serve' ? await serve(JSON.parse(process.argv[3])) : await bench();

/** The child: the server, and a small IPC protocol to measure it and move its clock. */
async function serve(database) {
  const realNow = Date.now;
  let offset = 0;
  Date.now = () => realNow() + offset;
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const { createApp } = await import(APP);
  // Options an older build does not know are ignored by it.
  const app = await createApp({ origin, demo: true, sweepIntervalMs: 500, database });
  let served = 0;
  app.server.on('request', () => served++);
  await new Promise((resolve) => app.server.listen(port, '127.0.0.1', resolve));
  process.on('message', async (message) => {
    if (message.cmd === 'advance') offset += message.ms;
    if (message.cmd === 'measure') {
      if (message.gc) for (let i = 0; i < 3; i++) globalThis.gc();
      const { rss, heapUsed } = process.memoryUsage();
      process.send({ rss, heapUsed, served, live: await app.storage.live('Interaction'), stored: await app.storage.stored('Interaction') });
    }
  });
  process.send({ origin });
  return undefined;
}

async function bench() {
  const rows = {};
  const modes = [['PGlite in memory', false], ['PGlite, --data DIR', true], ...(postgresUrl ? [['PostgreSQL', await freshPostgres()]] : [])];
  for (const [name, mode] of modes) {
    const dir = mode === true ? await mkdtemp(path.join(tmpdir(), 'grantkit-bench-')) : undefined;
    try {
      rows[name] = await run(typeof mode === 'string' ? { url: mode } : dir ? { dataDir: dir } : {});
    } finally {
      if (dir) await rm(dir, { recursive: true, force: true });
    }
  }
  const mb = (bytes) => (bytes === undefined ? '—' : Math.round(bytes / 2 ** 20));
  const ratio = (value, base) => (value === undefined ? '—' : Math.round((value / base) * 100) / 100);
  const memory = {};
  const counts = {};
  for (const [name, r] of Object.entries(rows)) {
    for (const [label, field] of [['RSS', 'rss'], ['heapUsed', 'heapUsed']]) {
      const at = (point) => r[point]?.[field];
      memory[`${name}: ${label}`] = {
        'MB before': mb(at('before')), 'MB after': mb(at('after')), 'MB after gc': mb(at('gc')), 'MB after expiry + gc': mb(at('expired')),
        'after ÷ before': ratio(at('after'), at('before')), 'gc ÷ before': ratio(at('gc'), at('before')), 'expiry ÷ before': ratio(at('expired'), at('before')),
      };
    }
    counts[name] = {
      sent: r.sent, '303 → new /interaction/…': r.ok, 'server saw': r.served, 'peak RSS MB': r.peakRss ? mb(r.peakRss) : '—',
      'live interactions after': r.gc?.live ?? '—', 'rows after expiry and sweep': r.expired?.stored ?? '—',
      seconds: r.seconds, note: r.note ?? '',
    };
  }
  console.log(`\nAnonymous GET /auth flood: ${REQUESTS} requests, ${IN_FLIGHT} in flight, from ${SOURCES} loopback addresses (127.0.0.10–${9 + SOURCES})`);
  console.table(memory);
  console.table(counts);
  return rows;
}

/** One configuration: a fresh child, the flood, the measurements. */
async function run(database) {
  const child = fork(new URL(import.meta.url), ['serve', JSON.stringify(database)], {
    execArgv: ['--expose-gc'],
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  child.stderr.on('data', () => undefined);
  child.on('error', () => undefined); // a send to a server that has just died: told by 'exit'
  let exited;
  const exit = new Promise((resolve) => child.once('exit', (code, signal) => resolve((exited = { code, signal }))));
  const replies = [];
  let waiting;
  child.on('message', (message) => (waiting ? (waiting(message), (waiting = undefined)) : replies.push(message)));
  const next = () => (replies.length ? Promise.resolve(replies.shift()) : Promise.race([new Promise((resolve) => (waiting = resolve)), exit.then(() => undefined)]));
  const ask = async (message) => {
    if (exited) return undefined;
    child.send(message, () => undefined);
    return next();
  };

  const { origin } = await next();
  const result = { sent: 0, ok: 0, unexpected: [], before: await ask({ cmd: 'measure', gc: true }) };
  const started = Date.now();
  // The peak, read from outside (Linux /proc), so it is known even when the server dies of it.
  result.peakRss = 0;
  const sampler = setInterval(async () => {
    const status = await readFile(`/proc/${child.pid}/status`, 'utf8').catch(() => '');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    result.peakRss = Math.max(result.peakRss, kb * 1024);
  }, 250);
  await flood(origin, result, () => exited !== undefined || Date.now() - started > RUN_LIMIT_MS);
  clearInterval(sampler);
  result.seconds = Math.round((Date.now() - started) / 100) / 10;
  result.after = await ask({ cmd: 'measure', gc: false });
  result.gc = await ask({ cmd: 'measure', gc: true });
  if (!exited) {
    child.send({ cmd: 'advance', ms: INTERACTION_TTL_MS + 1000 });
    await new Promise((resolve) => setTimeout(resolve, 3000));
  }
  result.expired = await ask({ cmd: 'measure', gc: true });
  result.served = result.expired?.served ?? result.gc?.served ?? '—';
  if (exited) result.note = `server died (${exited.signal ?? `exit ${exited.code}`}) after ${result.ok} sign-ins were started`;
  else if (result.sent < REQUESTS) result.note = `stopped after ${RUN_LIMIT_MS / 1000} s`;
  if (result.unexpected.length) result.note = `${result.note ?? ''} unexpected: ${result.unexpected.slice(0, 3).join(', ')}`.trim();
  child.kill();
  await exit;
  return result;
}

/** REQUESTS anonymous authorization requests, IN_FLIGHT at a time; counts the 303s to a new interaction. */
async function flood(origin, result, stop) {
  // From 40 loopback addresses, as a flood from many machines would come: the server keeps
  // a tenth of its cap per address, so one address alone would measure only its share.
  const agents = Array.from({ length: SOURCES }, (_, i) => new http.Agent({ keepAlive: true, localAddress: `127.0.0.${10 + i}` }));
  const challenge = createHash('sha256').update(randomBytes(32).toString('base64url')).digest('base64url');
  const uids = new Set();
  const one = (agent) =>
    new Promise((resolve) => {
      const query = new URLSearchParams({
        client_id: 'grantkit-demo', redirect_uri: `${origin}/`, response_type: 'code', scope: 'openid',
        state: randomBytes(8).toString('base64url'), code_challenge: challenge, code_challenge_method: 'S256',
      });
      const request = http.get(`${origin}/auth?${query}`, { agent }, (response) => {
        response.resume();
        response.on('end', () => resolve({ status: response.statusCode, location: response.headers.location }));
      });
      request.on('error', (error) => resolve({ status: error.code }));
    });
  let issued = 0;
  const worker = async (index) => {
    const agent = agents[index % SOURCES];
    while (issued < REQUESTS && !stop()) {
      issued++;
      const { status, location } = await one(agent);
      result.sent++;
      const uid = status === 303 && /^\/interaction\/([\w-]+)$/.exec(location ?? '')?.[1];
      if (uid && !uids.has(uid)) {
        uids.add(uid);
        result.ok++;
      } else if (result.unexpected.length < 10) result.unexpected.push(`${status} ${location ?? ''}`);
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, (_, index) => worker(index)));
  for (const agent of agents) agent.destroy();
}
