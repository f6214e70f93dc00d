// Loaded into the demo app's own page (same origin as the reference server) by the
// browser benchmarks: the demo's client configuration, and the measurements.
import { createStore, entries, set } from 'idb-keyval';
import { createClient, type GrantkitClient } from '../../src/index.js';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** The demo app page's own client (demo/app.ts): DPoP-bound tokens, pushed requests. */
function demoClient() {
  return createClient({
    issuer: location.origin,
    clientId: 'grantkit-demo-dpop',
    redirectUri: `${location.origin}/`,
    scope: 'openid profile email roles grantkit:admin',
    resource: `${location.origin}/admin/v1`,
    dpop: true,
    par: true,
  });
}

/**
 * `sdk.fetch` against plain `fetch` with the same Authorization header, interleaved so that
 * both see the same machine; medians of `rounds` pairs after 50 that warm caches and the JIT.
 */
async function compare(sdk: GrantkitClient, authorization: string, rounds: number, url: string) {
  const through: number[] = [];
  const plain: number[] = [];
  const time = async (request: () => Promise<Response>) => {
    const start = performance.now();
    await (await request()).arrayBuffer();
    return performance.now() - start;
  };
  for (let i = 0; i < rounds + 50; i++) {
    const a = await time(() => sdk.fetch(url));
    const b = await time(() => fetch(url, { headers: { authorization } }));
    if (i >= 50) {
      through.push(a);
      plain.push(b);
    }
  }
  const round = (ms: number) => Math.round(ms * 100) / 100;
  return { sdkFetchMs: round(median(through)), plainFetchMs: round(median(plain)) };
}

/** sdk.fetch with a token at hand vs fetch with the same header. */
export async function fetchOverhead(rounds: number, url: string) {
  const token = 'bench-token';
  return compare(await createClient({ token, allowedOrigins: [location.origin] }), `Bearer ${token}`, rounds, url);
}

/**
 * What DPoP adds per request: sdk.fetch with the signed-in DPoP-bound token (a fresh
 * ES256 proof each time) vs fetch with the same Authorization header and no proof.
 */
export async function dpopOverhead(rounds: number, url: string) {
  const sdk = await demoClient();
  return { tokenType: sdk.tokenType, ...(await compare(sdk, `DPoP ${await sdk.getAccessToken()}`, rounds, url)) };
}

/** Makes the stored access token expired, as if the page had slept past its lifetime. */
export async function expireStoredTokens() {
  const db = createStore('grantkit', 'sessions');
  for (const [key, tokens] of await entries<string, { expiresAt?: number }>(db)) await set(key, { ...tokens, expiresAt: Date.now() - 1000 }, db);
}

/** `count` sdk.fetch calls at once with an expired token; resolves with how many succeeded. */
export async function storm(count: number, startAt: number, url: string) {
  const sdk = await demoClient();
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, startAt - Date.now())));
  const responses = await Promise.all(Array.from({ length: count }, () => sdk.fetch(url).then((r) => r.status, () => 0)));
  return responses.filter((status) => status === 200).length;
}

/**
 * A burst against the admin API: `count` GET `url` at once, through `sdk.fetch` with a
 * personal access token and through plain `fetch` with the same Authorization header, with
 * the browser's default cache mode and with `cache: 'no-store'` (what grantkit/admin sends).
 * Each run counts its 200s, so a fast failure does not pass for speed.
 */
export async function burst(count: number, url: string) {
  const session = await demoClient();
  const made = await session.fetch('/admin/v1/personal-tokens', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: `bench burst ${Date.now()}`, expires_in_days: 1 }),
    cache: 'no-store',
  });
  const { token } = (await made.json()) as { token: string };
  const sdk = await createClient({ token, allowedOrigins: [location.origin] });
  const headers = { authorization: `Bearer ${token}` };
  const run = async (send: () => Promise<Response>) => {
    const startedAt = Date.now();
    const start = performance.now();
    const statuses = await Promise.all(Array.from({ length: count }, () => send().then(async (r) => (await r.arrayBuffer(), r.status), () => 0)));
    const ms = performance.now() - start;
    return { ms, ok: statuses.filter((s) => s === 200).length, startedAt, endedAt: Date.now() };
  };
  // Each pair runs ROUNDS times, taking turns at going first, so neither gains from what the
  // other warmed up (connections, the server's caches) or loses to what it left behind; each
  // subject reports its median run, and counts its 200s over all of them.
  const ROUNDS = 3;
  const pair = async (a: () => Promise<Response>, b: () => Promise<Response>) => {
    const runs: Array<Array<Awaited<ReturnType<typeof run>>>> = [[], []];
    for (let round = 0; round < ROUNDS; round++) {
      if (round % 2 === 0) {
        runs[0].push(await run(a));
        runs[1].push(await run(b));
      } else {
        runs[1].push(await run(b));
        runs[0].push(await run(a));
      }
    }
    return runs.map((all) => {
      const median = [...all].sort((x, y) => x.ms - y.ms)[Math.floor(ROUNDS / 2)];
      return { ms: Math.round(median.ms), 'req/s': Math.round((count / median.ms) * 1000), ok: all.reduce((sum, r) => sum + r.ok, 0), of: count * ROUNDS, startedAt: median.startedAt, endedAt: median.endedAt };
    });
  };
  const [sdkDefault, fetchDefault] = await pair(() => sdk.fetch(url), () => fetch(url, { headers }));
  const [sdkNoStore, fetchNoStore] = await pair(() => sdk.fetch(url, { cache: 'no-store' }), () => fetch(url, { headers, cache: 'no-store' }));
  return {
    'sdk.fetch, default cache': sdkDefault,
    'fetch, default cache': fetchDefault,
    "sdk.fetch, cache: 'no-store'": sdkNoStore,
    "fetch, cache: 'no-store'": fetchNoStore,
  };
}
