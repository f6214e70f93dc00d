// The reference server on its database, measured with autocannon (part of `npm run bench`):
// the server runs in a child process (build/server, `npm run build:server`), autocannon in
// this one, 10 connections. On PGlite in memory and, when BENCH_DATABASE_URL names a
// PostgreSQL server (`npm run bench` starts a throw-away one), on PostgreSQL, each in a new
// database (TEST_DATABASE_URL works too). Every request is checked: a run counts its 2xx answers against what it sent.
//
// 1. The admin API with a bearer JWT, with a DPoP proof on every request (each proof made
//    beforehand with the server's nonce, one per request, as a browser would), and with a
//    personal access token: GET /me, a list page, one integration, and a create; requests/s,
//    latency, and the server's CPU time per request from its own process.cpuUsage().
// 2. Lists and searches at 1,000, 10,000 and 100,000 integrations: the first page of 50, a page
//    from the middle (by its cursor), a search that finds one, and one that finds 10%.
// 3. Token issue (client credentials) and refresh (each of 1,000 refresh tokens used once), with
//    no other tokens and with 100,000 live tokens in the table.
// Usage: npm run build:server && node bench/server.mjs (BENCH_SERVER_ONLY=api: the admin API part alone)
import autocannon from 'autocannon';
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { freePort } from '../test/support/free-port.mjs';
import { freshPostgres, postgresUrl } from './postgres.mjs';

const ROOT = new URL('../', import.meta.url);
const CONNECTIONS = 10;
const API_REQUESTS = Number(process.env.BENCH_API_REQUESTS ?? 2_000);
const SIZES = [1_000, 10_000, 100_000];
const LIVE_TOKENS = 100_000;
const REFRESHES = 1_000;

export const results = process.argv[2] === 'serve' ? await serve(JSON.parse(process.argv[3])) : await bench();

/** The child: the server, and a small protocol to fill its database. */
async function serve(database) {
  const { createApp } = await import(new URL('build/server/app.js', ROOT).href);
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const app = await createApp({ origin, demo: true, seedTokens: false, adminTokenTtl: 3600, database });
  await new Promise((resolve) => app.server.listen(port, '127.0.0.1', resolve));
  const { db, provider } = app;
  const handlers = {
    // Integrations up to `total`, ten per second of creation time, as a bulk import would make them.
    async grow({ total }) {
      const [{ n }] = await db.query('select count(*)::integer as n from integrations');
      if (total > n) {
        await db.query(
          `insert into integrations (client_id, client_name, version, look_key, description, search_text, token_endpoint_auth_method, grant_types, status, created_at, updated_at)
           select 'gk_bulk_' || g, 'Bulk ' || lpad(g::text, 6, '0'), '1', 'bulk-' || g, case when g % 10 = 0 then 'Nightly export' else 'Sync job' end,
             lower('Bulk ' || lpad(g::text, 6, '0') || chr(31) || case when g % 10 = 0 then 'Nightly export' else 'Sync job' end || chr(31) || 'gk_bulk_' || g || chr(31) || '1'),
             'client_secret_basic', '["client_credentials"]', 'active', now() - make_interval(secs => g / 10.0), now()
           from generate_series($1::integer, $2::integer) g`,
          [n + 1, total],
        );
        await db.exec('analyze integrations');
      }
      // A cursor from the middle of the list, as a client paging through it would hold.
      const [middle] = await db.query('select created_at, client_id from integrations order by created_at desc, client_id desc offset $1 limit 1', [Math.floor(total / 2)]);
      return { cursor: Buffer.from(`${middle.created_at.getTime()}|${middle.client_id}`).toString('base64url') };
    },
    // Live opaque access tokens of some sign-ins, straight into the table (their ids are random).
    async tokens({ total }) {
      await db.query(
        `insert into oidc_entries (model, id_hash, payload, grant_id, client_id, account_id, expires_at, scope, issued_at)
         select 'AccessToken', md5(random()::text || g), '{"kind":"AccessToken"}', 'bench-grant-' || (g / 2), 'gk_erp_connector', 'ada', now() + interval '1 hour',
           'projects:read', extract(epoch from now())::bigint
         from generate_series(1, $1::integer) g`,
        [total],
      );
      await db.exec('analyze oidc_entries');
      return {};
    },
    // Refresh tokens of the first-party demo client, each of a sign-in of its own.
    async refreshTokens({ count }) {
      const client = await provider.Client.find('grantkit-demo');
      const values = [];
      for (let i = 0; i < count; i++) {
        const grant = new provider.Grant({ clientId: 'grantkit-demo', accountId: 'ada' });
        grant.addOIDCScope('openid offline_access');
        const grantId = await grant.save();
        const token = new provider.RefreshToken({ accountId: 'ada', client, grantId, gty: 'authorization_code', scope: 'openid offline_access', expiresIn: 3600 });
        values.push(await token.save());
      }
      return { values };
    },
    async memory() {
      return { rss: process.memoryUsage().rss };
    },
    // This process's own CPU time so far (user + system, µs): the server's cost per request,
    // without autocannon's, which runs in the parent.
    async cpu() {
      const { user, system } = process.cpuUsage();
      return { micros: user + system };
    },
  };
  process.on('message', async ({ cmd, id, ...args }) => process.send({ id, ...(await handlers[cmd](args)) }));
  process.send({ origin });
  return undefined;
}

async function bench() {
  const { signIn, dpopKeys, dpopProof } = await import(new URL('build/server/test/support.js', ROOT).href);
  const backends = [['PGlite in memory', {}]];
  if (postgresUrl) backends.push(['PostgreSQL', { url: await freshPostgres() }]);
  const all = {};
  for (const [name, database] of backends) {
    const child = await startChild(database);
    try {
      all[name] = await measure(child, { signIn, dpopKeys, dpopProof });
    } finally {
      child.kill();
    }
  }
  report(all);
  return all;
}

async function measure(child, { signIn, dpopKeys, dpopProof }) {
  const { origin } = child;
  const server = { origin, adminAudience: `${origin}/admin/v1` };
  const bearer = (await signIn(server, 'ada@example.com', 'ada-demo')).access_token;
  const keys = await dpopKeys();
  const bound = (await signIn(server, 'ada@example.com', 'ada-demo', { clientId: 'grantkit-demo-dpop', redirectUri: `${origin}/admin`, scope: 'openid grantkit:admin', resource: server.adminAudience, dpop: keys })).access_token;
  const challenge = await fetch(`${origin}/admin/v1/me`, { headers: { authorization: `DPoP ${bound}`, dpop: await dpopProof(keys, 'GET', `${origin}/admin/v1/me`, bound) } });
  const nonce = challenge.headers.get('dpop-nonce');

  /** One request per proof, made now: a proof is good once, and for 5 minutes with this nonce. */
  const proofs = async (method, path, count) => Promise.all(Array.from({ length: count }, () => dpopProof(keys, method, `${origin}${path.split('?')[0]}`, bound, { nonce })));
  // A personal access token: looked up by its hash, no signature to check.
  const pat = (await (await fetch(`${origin}/admin/v1/personal-tokens`, {
    method: 'POST', headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'bench', expires_in_days: 1 }),
  })).json()).token;
  const create = (tag) => () => JSON.stringify({ client_name: `Bench ${tag} ${randomBytes(6).toString('hex')}`, version: '1', token_endpoint_auth_method: 'none', grant_types: ['authorization_code'], redirect_uris: ['https://bench.example/cb'] });
  const api = {};
  const operations = [
    ['GET /me', 'GET', '/admin/v1/me'],
    ['GET /integrations (page of 50)', 'GET', '/admin/v1/integrations?limit=50'],
    ['GET /integrations/{id}', 'GET', '/admin/v1/integrations/gk_erp_connector'],
    ['POST /integrations', 'POST', '/admin/v1/integrations'],
  ];
  for (const [label, method, path] of operations) {
    const body = method === 'POST' ? create(label) : undefined;
    const withBearer = await load(origin, { method, path, amount: API_REQUESTS, headers: () => ({ authorization: `Bearer ${bearer}` }), body, child });
    const list = await proofs(method, path, API_REQUESTS);
    const withDpop = await load(origin, { method, path, amount: API_REQUESTS, headers: (i) => ({ authorization: `DPoP ${bound}`, dpop: list[i] }), body, child });
    const withPat = await load(origin, { method, path, amount: API_REQUESTS, headers: () => ({ authorization: `Bearer ${pat}` }), body, child });
    api[label] = { bearer: withBearer, dpop: withDpop, pat: withPat };
  }
  // The floor under every authenticated request: the HTTP stack, routing and a problem+json
  // answer, with no credentials to check (a 401).
  const floor = await load(origin, { method: 'GET', path: '/admin/v1/me', amount: API_REQUESTS, headers: () => ({}), child, expect: '4xx' });
  if (process.env.BENCH_SERVER_ONLY === 'api') return { api, floor, rss: (await child.ask({ cmd: 'memory' })).rss };

  const lists = {};
  for (const total of SIZES) {
    const { cursor } = await child.ask({ cmd: 'grow', total });
    const get = (path) => load(origin, { method: 'GET', path, amount: API_REQUESTS / 2, headers: () => ({ authorization: `Bearer ${bearer}` }) });
    lists[total] = {
      'first page': await get('/admin/v1/integrations?limit=50'),
      'middle page (cursor)': await get(`/admin/v1/integrations?limit=50&cursor=${cursor}`),
      'search, 1 match': await get(`/admin/v1/integrations?limit=50&q=${encodeURIComponent(`bulk ${String(Math.floor(total / 3)).padStart(6, '0')}`)}`),
      'search, 10% match': await get('/admin/v1/integrations?limit=50&q=nightly'),
    };
  }

  // Token endpoint: a confidential integration's client credentials, and the demo client's refreshes.
  const created = await (await fetch(`${origin}/admin/v1/integrations`, {
    method: 'POST', headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
    body: JSON.stringify({ client_name: 'Bench job', version: '1', token_endpoint_auth_method: 'client_secret_basic', grant_types: ['client_credentials'] }),
  })).json();
  const basic = `Basic ${Buffer.from(`${created.client_id}:${created.client_secret}`).toString('base64')}`;
  const tokenRuns = {};
  for (const live of [0, LIVE_TOKENS]) {
    if (live > 0) await child.ask({ cmd: 'tokens', total: live });
    const issue = await load(origin, { method: 'POST', path: '/token', amount: API_REQUESTS, contentType: 'application/x-www-form-urlencoded', headers: () => ({ authorization: basic }), body: () => 'grant_type=client_credentials' });
    const { values } = await child.ask({ cmd: 'refreshTokens', count: REFRESHES });
    const refresh = await load(origin, {
      method: 'POST', path: '/token', amount: REFRESHES, contentType: 'application/x-www-form-urlencoded', headers: () => ({}),
      body: (i) => new URLSearchParams({ grant_type: 'refresh_token', client_id: 'grantkit-demo', refresh_token: values[i] }).toString(),
    });
    tokenRuns[live] = { 'client credentials': issue, refresh };
  }
  return { api, floor, lists, tokens: tokenRuns, rss: (await child.ask({ cmd: 'memory' })).rss };
}

/**
 * `amount` requests, CONNECTIONS at a time. `headers(i)` and `body(i)` give the i-th request's,
 * so each can carry its own proof or refresh token. Reports requests/s, p50 and p99 latency,
 * and how many answers were 2xx (anything else is a failed run, not a fast one).
 */
async function load(origin, { method, path, amount, headers, body, contentType = 'application/json', child, expect = '2xx' }) {
  let i = 0;
  const cpuBefore = child && (await child.ask({ cmd: 'cpu' })).micros;
  const result = await autocannon({
    url: origin,
    connections: CONNECTIONS,
    amount,
    requests: [{
      method,
      path,
      setupRequest: (request) => {
        const n = i++;
        const content = body?.(n);
        return { ...request, headers: { ...headers(n), ...(content === undefined ? {} : { 'content-type': contentType }) }, ...(content === undefined ? {} : { body: content }) };
      },
    }],
  });
  const ok = result[expect];
  const cpu = child ? { 'server CPU µs/req': Math.round(((await child.ask({ cmd: 'cpu' })).micros - cpuBefore) / result.requests.sent) } : {};
  // Over the whole run (autocannon's own average is of whole seconds, coarse for short runs).
  return { 'req/s': Math.round(result.requests.sent / result.duration), 'p50 ms': result.latency.p50, 'p99 ms': result.latency.p99, sent: result.requests.sent, [expect]: ok, failed: result.requests.sent - ok, ...cpu };
}

function report(all) {
  const ratio = (a, b) => (b ? Math.round((a / b) * 100) / 100 : null);
  for (const [backend, r] of Object.entries(all)) {
    console.log(`\nAdmin API on ${backend}: ${API_REQUESTS} requests each, ${CONNECTIONS} connections (DPoP: a new proof per request)`);
    const perRequest = (run, bearer) => ({ 'req/s ÷ bearer': ratio(run['req/s'], bearer['req/s']), 'CPU ÷ bearer': ratio(run['server CPU µs/req'], bearer['server CPU µs/req']) });
    console.table(Object.fromEntries(Object.entries(r.api).flatMap(([op, { bearer, dpop, pat }]) => [
      [`${op}, bearer JWT`, bearer],
      [`${op}, DPoP`, { ...dpop, ...perRequest(dpop, bearer) }],
      [`${op}, personal token`, { ...pat, ...perRequest(pat, bearer) }],
    ]).concat([['GET /me, no credentials (401: the HTTP floor)', { ...r.floor, ...perRequest(r.floor, r.api['GET /me'].bearer) }]])));
    if (!r.lists) continue;
    console.log(`Lists on ${backend}: p99 of a page of 50 (ms), and 100,000 ÷ 1,000`);
    const kinds = Object.keys(r.lists[SIZES[0]]);
    console.table(Object.fromEntries(kinds.map((kind) => [kind, {
      ...Object.fromEntries(SIZES.map((n) => [`${n.toLocaleString('en')}: p99`, r.lists[n][kind]['p99 ms']])),
      ...Object.fromEntries(SIZES.map((n) => [`${n.toLocaleString('en')}: req/s`, r.lists[n][kind]['req/s']])),
      'p99 100k ÷ 1k': ratio(r.lists[SIZES.at(-1)][kind]['p99 ms'], r.lists[SIZES[0]][kind]['p99 ms']),
      failed: SIZES.reduce((sum, n) => sum + r.lists[n][kind].failed, 0),
    }])));
    console.log(`Token endpoint on ${backend}: with no other tokens, and with ${LIVE_TOKENS.toLocaleString('en')} live tokens`);
    console.table(Object.fromEntries(['client credentials', 'refresh'].flatMap((kind) => [
      [`${kind}, 0 live`, r.tokens[0][kind]],
      [`${kind}, ${LIVE_TOKENS.toLocaleString('en')} live`, { ...r.tokens[LIVE_TOKENS][kind], 'req/s ÷ 0 live': ratio(r.tokens[LIVE_TOKENS][kind]['req/s'], r.tokens[0][kind]['req/s']) }],
    ])));
  }
  if (all.PostgreSQL?.lists) {
    console.log('\nPostgreSQL ÷ PGlite, requests/s');
    console.table(Object.fromEntries(Object.keys(all.PostgreSQL.api).map((op) => [op, {
      bearer: ratio(all.PostgreSQL.api[op].bearer['req/s'], all['PGlite in memory'].api[op].bearer['req/s']),
      DPoP: ratio(all.PostgreSQL.api[op].dpop['req/s'], all['PGlite in memory'].api[op].dpop['req/s']),
    }])));
  }
}

async function startChild(database) {
  const child = fork(new URL(import.meta.url), ['serve', JSON.stringify(database)], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const waiting = new Map();
  let first;
  const ready = new Promise((resolve) => (first = resolve));
  child.on('message', (message) => {
    if (message.origin) return first(message);
    waiting.get(message.id)?.(message);
    waiting.delete(message.id);
  });
  let next = 0;
  const { origin } = await ready;
  return {
    origin,
    ask: (message) => new Promise((resolve) => {
      const id = next++;
      waiting.set(id, resolve);
      child.send({ ...message, id });
    }),
    kill: () => child.kill(),
  };
}
