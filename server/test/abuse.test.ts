import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { addressKey } from '../client-address.js';
import { LoginThrottle } from '../login-throttle.js';
import { requestFrom as request, type RawReply, signIn, start, type Running } from './support.js';

// What an anonymous client can make the server do: keep rows, guess passwords.


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

describe('anonymous sign-ins do not pile up in the database', () => {
  it('expired interactions are swept even if nobody reads them again', async () => {
    let offset = 0;
    const server = await start({ clock: () => Date.now() + offset, sweepIntervalMs: 10 });
    try {
      await signIn(server, 'ada@example.com', 'ada-demo');
      const sessions = await server.storage.stored('Session');
      const interactions = await server.storage.stored('Interaction');
      for (let i = 0; i < 20; i++) assert.equal((await beginSignIn(server)).status, 303);
      assert.equal(await server.storage.stored('Interaction'), interactions + 20);

      offset += 601_000; // past the interactions' 600 s, within the session's 24 h
      await after(200);
      assert.equal(await server.storage.stored('Interaction'), 0, 'abandoned sign-ins are gone without being read');
      assert.equal(await server.storage.stored('Session'), sessions, 'a signed-in session that has not expired stays');
    } finally {
      await server.close();
    }
  });

  it('the number of live interactions never exceeds the cap; the newest sign-in and signed-in sessions are kept', async () => {
    // One address may hold a tenth of the cap: with 250, this one-address flood keeps 25.
    const cap = 25;
    const server = await start({ maxPendingSignIns: cap * 10 });
    try {
      await signIn(server, 'ada@example.com', 'ada-demo');
      const sessions = await server.storage.stored('Session');
      const live = () => server.storage.live('Interaction');
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
          most = Math.max(most, await live());
        }));
      }
      assert.ok(most <= cap, `at most ${cap} interactions at once from one address, saw ${most}`);
      assert.equal(await server.storage.stored('Interaction'), cap);
      assert.equal(await server.storage.stored('Session'), sessions, 'the flood did not evict the signed-in session');

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

type Started = Awaited<ReturnType<typeof beginSignIn>>;

/** One try at the login form of a started sign-in, from an address. */
function attempt(server: Running, started: Started, login: string, password: string, from: string, headers: Record<string, string> = {}): Promise<RawReply> {
  return request(`${server.origin}/interaction/${started.uid}/login`, {
    method: 'POST', from,
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: started.cookie, ...headers },
    body: new URLSearchParams({ login, password }).toString(),
  });
}

/** The alert on the login page. */
const alertOf = (reply: RawReply) => /<p class="error" role="alert" id="login-error">([^<]*)<\/p>/.exec(reply.body)?.[1];

/** A clock the test moves: the throttle's waits pass without waiting. */
function testClock() {
  let now = Date.now();
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}

describe('password guessing at the login form is throttled', () => {
  it('after 5 failures the 6th try gets 429 with Retry-After, even with the right password, alike for a known and an unknown login', async () => {
    const clock = testClock();
    const server = await start({ loginThrottle: { now: clock.now } });
    try {
      const refused: Record<string, { reply: RawReply; uid: string }> = {};
      for (const [login, from] of [['ada@example.com', '127.0.0.2'], ['nobody@example.com', '127.0.0.3']] as const) {
        const started = await beginSignIn(server, from);
        for (let i = 0; i < 5; i++) assert.equal((await attempt(server, started, login, `wrong-${i}`, from)).status, 401);
        refused[login] = { reply: await attempt(server, started, login, 'ada-demo', from), uid: started.uid! };
      }
      const known = refused['ada@example.com']!;
      const unknown = refused['nobody@example.com']!;
      for (const { reply } of [known, unknown]) {
        assert.equal(reply.status, 429);
        assert.equal(reply.headers['retry-after'], '1');
        assert.equal(alertOf(reply), 'Too many attempts. Try again in 1 second.');
      }
      // Nothing but the login typed and the sign-in's id tells the two pages apart.
      const page = (r: { reply: RawReply; uid: string }, login: string) => r.reply.body.replaceAll(r.uid, 'UID').replace(`value="${login}"`, 'value="LOGIN"');
      assert.equal(page(known, 'ada@example.com'), page(unknown, 'nobody@example.com'));
    } finally {
      await server.close();
    }
  });

  it('the wait doubles with each failure up to 5 minutes, a refused try does not lengthen it, and once it has passed the right password works and the count starts again', async () => {
    const clock = testClock();
    const server = await start({ loginThrottle: { now: clock.now } });
    const from = '127.0.0.4';
    try {
      let started = await beginSignIn(server, from);
      for (let i = 0; i < 5; i++) await attempt(server, started, 'ada@example.com', 'wrong', from);
      const waits: number[] = [];
      for (let i = 0; i < 11; i++) {
        const refusal = await attempt(server, started, 'ada@example.com', 'ada-demo', from);
        assert.equal(refusal.status, 429);
        const wait = Number(refusal.headers['retry-after']);
        waits.push(wait);
        const again = await attempt(server, started, 'ada@example.com', 'wrong', from);
        assert.equal(Number(again.headers['retry-after']), wait, 'a refused try does not count');
        clock.advance(wait * 1000);
        assert.equal((await attempt(server, started, 'ada@example.com', 'wrong', from)).status, 401);
      }
      assert.deepEqual(waits, [1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300]);

      clock.advance(300_000);
      const accepted = await attempt(server, started, 'ada@example.com', 'ada-demo', from);
      assert.equal(accepted.status, 303, 'the right password works once the wait is over');

      started = await beginSignIn(server, from);
      assert.equal((await attempt(server, started, 'ada@example.com', 'wrong', from)).status, 401);
      assert.equal((await attempt(server, started, 'ada@example.com', 'wrong', from)).status, 401, 'the success started the count again');
    } finally {
      await server.close();
    }
  });

  it('an address that keeps failing waits, others do not; a login waits from every address, at most 5 minutes; X-Forwarded-For changes nothing', async () => {
    const clock = testClock();
    const server = await start({ loginThrottle: { now: clock.now } });
    const [attacker, user, other] = ['127.0.0.5', '127.0.0.6', '127.0.0.7'];
    try {
      // 20 logins guessed once each (no login has to wait), each try claiming another origin.
      const guessing = await beginSignIn(server, attacker);
      for (let i = 0; i < 20; i++) {
        const reply = await attempt(server, guessing, `guess-${i}@example.com`, 'x', attacker, { 'x-forwarded-for': `203.0.113.${i}` });
        assert.equal(reply.status, 401);
      }
      const blocked = await attempt(server, guessing, 'vic@example.com', 'vic-demo', attacker, { 'x-forwarded-for': '198.51.100.1' });
      assert.equal(blocked.status, 429, 'the address waits, whatever header it sends');
      assert.equal((await attempt(server, await beginSignIn(server, user), 'vic@example.com', 'vic-demo', user)).status, 303, 'another address does not');

      // Five failures on ada's login from one address make ada's login wait from any address…
      const targeting = await beginSignIn(server, other);
      for (let i = 0; i < 5; i++) await attempt(server, targeting, 'ada@example.com', 'wrong', other);
      const fromUser = await attempt(server, await beginSignIn(server, user), 'ada@example.com', 'ada-demo', user);
      assert.equal(fromUser.status, 429);
      assert.ok(Number(fromUser.headers['retry-after']) <= 300);
      // …but no other login, and not for longer than the wait.
      clock.advance(Number(fromUser.headers['retry-after']) * 1000);
      assert.equal((await attempt(server, await beginSignIn(server, user), 'ada@example.com', 'ada-demo', user)).status, 303);
    } finally {
      await server.close();
    }
  });

  it('keeps a bounded number of counters, and forgets them once quiet', () => {
    const clock = testClock();
    const throttle = new LoginThrottle({ now: clock.now, maxEntries: 100 });
    for (let i = 0; i < 1000; i++) throttle.failed(`someone-${i}@example.com`, `10.0.${i >> 8}.${i & 255}`);
    assert.deepEqual(throttle.size, { accounts: 100, addresses: 100 });
    for (let i = 0; i < 6; i++) throttle.failed('ada@example.com', '127.0.0.8');
    assert.ok(throttle.waitMs('ADA@example.com ', '127.0.0.9') > 0, 'the login is counted as the accounts compare it');

    clock.advance(60 * 60_000 + 5 * 60_000);
    throttle.failed('late@example.com', '127.0.0.10');
    assert.deepEqual(throttle.size, { accounts: 1, addresses: 1 });
    assert.equal(throttle.waitMs('ada@example.com', '127.0.0.8'), 0);
  });

  it('counts an IPv4-mapped address as IPv4, and an IPv6 address as its /64', () => {
    assert.equal(addressKey('::ffff:127.0.0.2'), '127.0.0.2');
    assert.equal(addressKey('127.0.0.2'), '127.0.0.2');
    assert.equal(addressKey('2001:db8:1:2::1'), addressKey('2001:0db8:0001:0002:ffff:eeee:dddd:9'));
    assert.notEqual(addressKey('2001:db8:1:2::1'), addressKey('2001:db8:1:3::1'));
    assert.equal(addressKey('::1'), '0:0:0:0::/64');
    assert.equal(addressKey('fe80::1%eth0'), 'fe80:0:0:0::/64');
    assert.equal(addressKey(undefined), 'unknown');
  });
});
