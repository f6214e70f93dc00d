import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import { describe, it } from 'node:test';
import { signIn, start, type Running } from './support.js';

// What an anonymous client can make the server do: keep memory, write files, guess passwords.

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** One HTTP request from a chosen loopback address (the whole of 127.0.0.0/8 reaches the server). */
function request(url: string, options: { method?: string; headers?: Record<string, string>; body?: string; from?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: options.method ?? 'GET', headers: options.headers, localAddress: options.from ?? '127.0.0.1' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/** An anonymous authorization request with valid parameters, as any browser (or script) can send. */
async function beginSignIn(server: Running, from?: string): Promise<{ status: number; uid: string | undefined; cookie: string }> {
  const query = new URLSearchParams({
    client_id: 'grantkit-demo', redirect_uri: `${server.origin}/`, response_type: 'code', scope: 'openid',
    state: randomBytes(8).toString('base64url'),
    code_challenge: createHash('sha256').update(randomBytes(32).toString('base64url')).digest('base64url'), code_challenge_method: 'S256',
  });
  const reply = await request(`${server.origin}/auth?${query}`, { ...(from ? { from } : {}) });
  const uid = /^\/interaction\/([\w-]+)$/.exec(String(reply.headers.location ?? ''))?.[1];
  const cookie = (reply.headers['set-cookie'] ?? []).map((line) => line.split(';')[0]).join('; ');
  return { status: reply.status, uid, cookie };
}

/** Lets timers that are due run: a timer due sooner always fires before one due later. */
const after = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('anonymous sign-ins do not pile up in memory', () => {
  it('expired interactions are swept even if nobody reads them again', async () => {
    let offset = 0;
    const server = await start({ clock: () => Date.now() + offset, sweepIntervalMs: 10 });
    try {
      await signIn(server, 'ada@example.com', 'ada-demo');
      const sessions = server.tokens.stored('Session');
      const interactions = server.tokens.stored('Interaction');
      for (let i = 0; i < 20; i++) assert.equal((await beginSignIn(server)).status, 303);
      assert.equal(server.tokens.stored('Interaction'), interactions + 20);

      offset += 601_000; // past the interactions' 600 s, within the session's 24 h
      await after(50);
      assert.equal(server.tokens.stored('Interaction'), 0, 'abandoned sign-ins are gone without being read');
      assert.equal(server.tokens.stored('Session'), sessions, 'a signed-in session that has not expired stays');
    } finally {
      await server.close();
    }
  });

  it('the number of live interactions never exceeds the cap; the newest sign-in and signed-in sessions are kept', async () => {
    const cap = 25;
    const server = await start({ maxPendingSignIns: cap });
    try {
      await signIn(server, 'ada@example.com', 'ada-demo');
      const sessions = server.tokens.stored('Session');
      const live = () => [...server.tokens.entries('Interaction')].length;
      let most = 0;
      let newest: Awaited<ReturnType<typeof beginSignIn>> | undefined;
      let oldest: typeof newest;
      for (let batch = 0; batch < 10; batch++) {
        // Ten at a time, as a flood would come; the count is read after every answer.
        await Promise.all(Array.from({ length: 10 }, async () => {
          const started = await beginSignIn(server);
          assert.equal(started.status, 303);
          oldest ??= started;
          newest = started;
          most = Math.max(most, live());
        }));
      }
      assert.ok(most <= cap, `at most ${cap} interactions at once, saw ${most}`);
      assert.equal(server.tokens.stored('Interaction'), cap);
      assert.equal(server.tokens.stored('Session'), sessions, 'the flood did not evict the signed-in session');

      // The user who started last can still sign in; the one who started first has to start again.
      const form = { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'login=vic%40example.com&password=vic-demo' };
      const finished = await request(`${server.origin}/interaction/${newest!.uid}/login`, { ...form, headers: { ...form.headers, cookie: newest!.cookie } });
      assert.equal(finished.status, 303);
      const evicted = await request(`${server.origin}/interaction/${oldest!.uid}`, { headers: { cookie: oldest!.cookie } });
      assert.notEqual(evicted.status, 200);
    } finally {
      await server.close();
    }
  });
});
