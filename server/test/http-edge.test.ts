import assert from 'node:assert/strict';
import { createHash, generateKeyPairSync } from 'node:crypto';
import { request, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { createApp } from '../app.js';
import { contentSecurityPolicy } from '../http/security-headers.js';
import { serveFile } from '../static-files.js';
import { api, dpopKeys, dpopProof, signIn, start, type Running } from './support.js';

// The edges of HTTP itself: request targets and Host fields an attacker chooses. fetch
// cannot send an absolute-form target or a forged Host, so these requests go through
// node:http (or a raw socket), as an attacker's client would send them.

let server: Running;

before(async () => {
  server = await start();
});
after(() => server.close());

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** One request with exactly this target and these headers (Host included, when given). */
function send(target: string, options: { method?: string; headers?: Record<string, string>; body?: string; port?: number } = {}): Promise<Answer> {
  const port = options.port ?? new URL(server.origin).port;
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: options.method ?? 'GET', path: target, headers: options.headers ?? {} }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/** Exactly these bytes on a new connection; the status line and the body of the answer. */
function raw(bytes: string | Buffer): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(Number(new URL(server.origin).port), '127.0.0.1', () => socket.end(bytes));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('latin1');
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0), text });
    });
  });
}

/** The cookies a browser would keep, sent everywhere (paths do not matter here). */
class Jar {
  readonly #cookies = new Map<string, string>();
  take(res: Response): Response {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair!.indexOf('=');
      this.#cookies.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
    return res;
  }
  get header(): string {
    return [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

/** A sign-in started at /auth as a browser would: the interaction's uid, and the cookies that go with it. */
async function beginSignIn(client: { id: string; redirectUri: string; responseMode?: string } = { id: 'grantkit-demo', redirectUri: `${server.origin}/` }) {
  const auth = new URL(`${server.origin}/auth`);
  auth.search = new URLSearchParams({
    client_id: client.id, redirect_uri: client.redirectUri, response_type: 'code', scope: 'openid', state: 'edge',
    code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM', code_challenge_method: 'S256',
    ...(client.responseMode ? { response_mode: client.responseMode } : {}),
  }).toString();
  const jar = new Jar();
  const res = jar.take(await fetch(auth, { redirect: 'manual' }));
  const uid = /^\/interaction\/([^/?]+)$/.exec(res.headers.get('location') ?? '')?.[1];
  assert.ok(uid, `no interaction: ${res.status} ${res.headers.get('location')}`);
  return { uid, jar, cookie: jar.header };
}

const EVIL = 'http://evil.example';

describe('the server answers as its configured origin, never as the one a request names (RFC 9110 §7.2, §15.5.20)', () => {
  /** Ways to make the server believe it is evil.example: a forged Host, the absolute form, a scheme-relative path. */
  const disguises = (path: string): Array<[string, string, Record<string, string>]> => [
    ['Host: evil.example', path, { host: 'evil.example' }],
    ['absolute-form target and Host: evil.example', `${EVIL}${path}`, { host: 'evil.example' }],
    ['absolute-form target and the real Host', `${EVIL}${path}`, {}],
    ['scheme-relative target //evil.example', `//evil.example${path}`, {}],
    ['scheme-relative target /\\evil.example', `/\\evil.example${path}`, {}],
    ['no disguise at all', path, {}],
  ];

  it('refuses at the admin API a DPoP proof made for another origin, whatever target or Host comes with it', async () => {
    const keys = await dpopKeys();
    const { access_token: token } = await signIn(server, 'ada@example.com', 'ada-demo', {
      clientId: 'grantkit-demo-dpop', redirectUri: `${server.origin}/admin`, scope: 'openid grantkit:admin', resource: server.adminAudience, dpop: keys,
    });
    // The API's nonce (RFC 9449 §9), as a client learns it, so that the URL is all that is wrong with each proof.
    const asked = await send('/admin/v1/me', { headers: { authorization: `DPoP ${token}`, dpop: await dpopProof(keys, 'GET', `${server.origin}/admin/v1/me`, token) } });
    const nonce = String(asked.headers['dpop-nonce'] ?? '');
    assert.ok(nonce);
    for (const [name, target, headers] of disguises('/admin/v1/me')) {
      // A fresh proof each time: a replayed one would be refused for that reason alone.
      const proof = await dpopProof(keys, 'GET', `${EVIL}/admin/v1/me`, token, { nonce });
      const res = await send(target, { headers: { ...headers, authorization: `DPoP ${token}`, dpop: proof } });
      assert.ok(res.status >= 400 && res.status < 500, `${name}: answered ${res.status}`);
      assert.doesNotMatch(res.body, /ada@example\.com/, `${name}: the caller's account was shown`);
    }
    // The token itself is good: a proof for this server's URL is taken.
    const proof = await dpopProof(keys, 'GET', `${server.origin}/admin/v1/me`, token, { nonce });
    assert.equal((await send('/admin/v1/me', { headers: { authorization: `DPoP ${token}`, dpop: proof } })).status, 200);
  });

  it('refuses at /token a DPoP refresh with a proof made for another origin, and the refresh token stays unused', async () => {
    const keys = await dpopKeys();
    const session = await signIn(server, 'ada@example.com', 'ada-demo', {
      clientId: 'grantkit-demo-dpop', redirectUri: `${server.origin}/admin`, scope: 'openid grantkit:admin', resource: server.adminAudience, dpop: keys,
    });
    const body = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: session.refresh_token!, client_id: 'grantkit-demo-dpop' }).toString();
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    for (const [name, target, headers] of disguises('/token')) {
      const proof = await dpopProof(keys, 'POST', `${EVIL}/token`);
      const res = await send(target, { method: 'POST', headers: { ...headers, ...form, dpop: proof }, body });
      assert.ok(res.status >= 400 && res.status < 500, `${name}: answered ${res.status}`);
      assert.doesNotMatch(res.body, /access_token/, `${name}: tokens were issued`);
    }
    // Had any of those been taken, the refresh token would have rotated and this reuse ended the grant.
    const proof = await dpopProof(keys, 'POST', `${server.origin}/token`);
    const res = await send('/token', { method: 'POST', headers: { ...form, dpop: proof }, body });
    assert.equal(res.status, 200, res.body);
    assert.equal((JSON.parse(res.body) as { token_type: string }).token_type, 'DPoP');
  });

  it('names only the configured origin in discovery, whatever Host is sent', async () => {
    for (const [name, target, headers] of disguises('/.well-known/openid-configuration')) {
      const res = await send(target, { headers });
      assert.doesNotMatch(res.body, /evil\.example/, name);
      if (res.status !== 200) continue;
      const metadata = JSON.parse(res.body) as Record<string, unknown>;
      const urls = Object.entries(metadata).filter(([key]) => key === 'issuer' || key.endsWith('_endpoint') || key.endsWith('_uri'));
      assert.ok(urls.length > 5, name);
      for (const [key, value] of urls) assert.ok(String(value).startsWith(`${server.origin}/`) || value === server.origin, `${name}: ${key} is ${String(value)}`);
    }
  });

  it('answers a request for another origin with 421, and a target that is not a path with 400, before any route runs', async () => {
    const { access_token: token } = await signIn(server, 'ada@example.com', 'ada-demo');
    const tokenCount = async () => (await server.db.query('select 1 from personal_tokens')).length;
    const tokensBefore = await tokenCount();
    const create = (target: string, headers: Record<string, string> = {}) =>
      send(target, {
        method: 'POST',
        headers: { ...headers, authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'planted', scope: ['integrations:read'], expires_in_days: 1 }),
      });
    const cases: Array<[string, Promise<Answer>, number]> = [
      ['absolute-form for another origin', create(`${EVIL}/admin/v1/personal-tokens`), 421],
      ['Host of another origin', create('/admin/v1/personal-tokens', { host: 'evil.example' }), 421],
      ['Host with userinfo', create('/admin/v1/personal-tokens', { host: `evil.example@${new URL(server.origin).host}` }), 400],
      ['Host with a path', create('/admin/v1/personal-tokens', { host: `${new URL(server.origin).host}/x` }), 400],
      ['scheme-relative //evil.example', create('//evil.example/admin/v1/personal-tokens'), 400],
      ['scheme-relative /\\evil.example', create('/\\evil.example/admin/v1/personal-tokens'), 400],
      ['asterisk-form on POST', create('*'), 400],
    ];
    for (const [name, answer, status] of cases) {
      const res = await answer;
      assert.equal(res.status, status, `${name}: ${res.body}`);
      assert.match(String(res.headers['content-type']), /^text\/plain/, `${name}: a route answered`);
      assert.equal(res.headers['www-authenticate'], undefined, `${name}: the admin API answered`);
    }
    assert.equal(await tokenCount(), tokensBefore, 'a personal token was created');
  });

  it('takes the absolute form when it names this very origin (RFC 9112 §3.2.2), and OPTIONS * for the server as a whole', async () => {
    const res = await send(`${server.origin}/.well-known/openid-configuration`, { headers: { host: 'evil.example' } });
    assert.equal(res.status, 200);
    assert.equal((JSON.parse(res.body) as { token_endpoint: string }).token_endpoint, `${server.origin}/token`);
    assert.equal((await send('*', { method: 'OPTIONS' })).status, 204);
  });
});

describe('behind a TLS-terminating proxy', () => {
  it('names the configured https origin although the connection it sees is plain http', async () => {
    const app = await createApp({ origin: 'https://auth.test', demo: true, signingKey: generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey });
    await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = app.server.address() as AddressInfo;
      // As the proxy passes the request on: the public Host, over plain http.
      const res = await send('/.well-known/openid-configuration', { port, headers: { host: 'auth.test' } });
      const metadata = JSON.parse(res.body) as Record<string, string>;
      assert.equal(metadata.token_endpoint, 'https://auth.test/token');
      assert.equal(metadata.authorization_endpoint, 'https://auth.test/auth');
    } finally {
      app.server.closeAllConnections();
      await new Promise((resolve) => app.server.close(resolve));
    }
  });
});

describe('bad input is answered as bad input, never with a 500', () => {
  it('answers every one of these with a status under 500 and logs no error', async () => {
    const { uid, cookie } = await beginSignIn();
    const get = (target: string, headers = '') => `GET ${target} HTTP/1.1\r\nHost: ${new URL(server.origin).host}\r\n${headers}Connection: close\r\n\r\n`;
    const post = (target: string, body: string, headers = '') =>
      `POST ${target} HTTP/1.1\r\nHost: ${new URL(server.origin).host}\r\n${headers}Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ${Buffer.byteLength(body, 'latin1')}\r\nConnection: close\r\n\r\n${body}`;
    const cases: Array<[string, string | Buffer]> = [
      ['a cut-off percent-encoding in a demo file name', get('/demo/%E0%A4%A')],
      ['a percent-encoding that is not UTF-8 in a demo file name', get('/demo/%FF%FE')],
      ['a cut-off UTF-8 sequence in a build file name', get('/build/%E0%A4')],
      ['bad percent-encoding in the admin API path', get('/admin/v1/%ZZ')],
      ['bad percent-encoding in an interaction uid', get('/interaction/%ZZ')],
      ['bad percent-encoding at the provider', get('/auth/%E0%A4%A')],
      ['a target that does not parse as a URL', get('//[')],
      ['a port that does not exist in Host', `GET / HTTP/1.1\r\nHost: 127.0.0.1:99999\r\nConnection: close\r\n\r\n`],
      ['raw bytes that are not UTF-8 in the path', Buffer.from(get('/demo/\xff\xfe'), 'latin1')],
      ['raw bytes that are not UTF-8 in a header', Buffer.from(get('/admin/v1/me', 'Authorization: DPoP \xff\xfe\r\nDPoP: \xc3\x28\r\n'), 'latin1')],
      ['an overlong header', get('/', `X-Long: ${'a'.repeat(64 * 1024)}\r\n`)],
      ['a JSON body on GET at the admin API', get('/admin/v1/me', 'Content-Type: application/json\r\nContent-Length: 7\r\n').replace(/\r\n\r\n$/, '\r\n\r\n{"a":1}')],
      ['a JSON body on GET at discovery', get('/.well-known/openid-configuration', 'Content-Type: application/json\r\nContent-Length: 7\r\n').replace(/\r\n\r\n$/, '\r\n\r\n{"a":1}')],
      ['a sign-in form posted without the interaction cookie', post(`/interaction/${uid}/login`, 'login=ada%40example.com&password=ada-demo')],
      ['a sign-in form over the size limit', post(`/interaction/${uid}/login`, `login=${'a'.repeat(20_000)}`, `Cookie: ${cookie}\r\n`)],
      ['a sign-in form over the size limit, sent in chunks', `POST /interaction/${uid}/login HTTP/1.1\r\nHost: ${new URL(server.origin).host}\r\nCookie: ${cookie}\r\nContent-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n${'4000\r\n' + 'a'.repeat(0x4000) + '\r\n'}0\r\n\r\n`],
      ['a sign-in form that is not UTF-8', Buffer.from(post(`/interaction/${uid}/login`, 'login=\xff\xfe&password=\xc3\x28', `Cookie: ${cookie}\r\n`), 'latin1')],
    ];
    // Every case is sent, and every one that goes wrong is named: not only the first.
    const wrong: string[] = [];
    const logged: string[] = [];
    const consoleError = console.error;
    console.error = (...args: unknown[]) => void logged.push(args.map(String).join(' '));
    try {
      for (const [name, bytes] of cases) {
        const { status } = await raw(bytes);
        // 0: no answer at all, the connection was dropped.
        if (status === 0 || status >= 500) wrong.push(`${name}: answered ${status}`);
        if (logged.length > 0) wrong.push(`${name}: logged ${logged.splice(0).join(' | ').slice(0, 200)}`);
      }
    } finally {
      console.error = consoleError;
    }
    assert.deepEqual(wrong, []);
  });

  it('tells a person whose sign-in has gone to start again from the app', async () => {
    const { uid } = await beginSignIn();
    const res = await fetch(`${server.origin}/interaction/${uid}/login`, { method: 'POST', body: new URLSearchParams({ login: 'ada@example.com', password: 'ada-demo' }) });
    assert.equal(res.status, 400);
    assert.match(res.headers.get('content-type')!, /^text\/html/);
    assert.match(await res.text(), /This sign-in is no longer valid, start again from the app/);
  });
});

describe('static files', () => {
  it('takes a name that does not decode as no such file, rather than throwing', async () => {
    const untouched = new Proxy({} as ServerResponse, { get: () => assert.fail('the response was used') });
    assert.equal(await serveFile(untouched, '/tmp', '%E0%A4%A'), false);
  });
});

describe('one security policy on every page (BBA 6.1)', () => {
  /** A policy as directive → sources, for comparing two. */
  const directives = (policy: string | undefined) =>
    new Map((policy ?? '').split(';').map((d) => d.trim()).filter(Boolean).map((d) => {
      const [name, ...sources] = d.split(/\s+/);
      return [name!, sources] as const;
    }));
  const BASE = directives(contentSecurityPolicy());

  /** The base policy and nosniff/DENY; form-action may name more origins, and script-src hashes of the page's own inline script. */
  function assertPolicy(name: string, headers: Headers, allowed: { formAction?: string[]; scriptHashes?: string[] } = {}): void {
    const policy = directives(headers.get('content-security-policy') ?? undefined);
    assert.deepEqual([...policy.keys()], [...BASE.keys()], `${name}: ${headers.get('content-security-policy')}`);
    for (const [directive, sources] of BASE) {
      const extra = directive === 'form-action' ? (allowed.formAction ?? []) : directive === 'script-src' ? (allowed.scriptHashes ?? []) : [];
      assert.deepEqual(policy.get(directive), [...sources, ...extra], `${name}: ${directive}`);
    }
    assert.deepEqual(policy.get('frame-ancestors'), ["'none'"], name);
    assert.deepEqual(policy.get('require-trusted-types-for'), ["'script'"], name);
    assert.equal(headers.get('x-frame-options'), 'DENY', name);
    assert.equal(headers.get('x-content-type-options'), 'nosniff', name);
  }

  /** The hashes a page's inline scripts need, as oidc-provider adds them. */
  const inlineScriptHashes = (html: string) => [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => `'sha256-${createHash('sha256').update(m[1]!).digest('base64')}'`);

  /** Signs in at the login page and follows the provider's redirects, up to the first answer that is not one of them. */
  async function signInAsBrowser(jar: Jar, uid: string): Promise<Response> {
    let res = jar.take(await fetch(`${server.origin}/interaction/${uid}/login`, {
      method: 'POST', redirect: 'manual', headers: { cookie: jar.header }, body: new URLSearchParams({ login: 'ada@example.com', password: 'ada-demo' }),
    }));
    // The provider's own hops; the one that carries the code (or an error) back to the client is where this stops.
    const hop = (location: string | null) => {
      const url = location ? new URL(location, server.origin) : undefined;
      return url?.origin === server.origin && !url.searchParams.has('code') && !url.searchParams.has('error') ? url : undefined;
    };
    for (let next = hop(res.headers.get('location')); next; next = hop(res.headers.get('location'))) {
      res = jar.take(await fetch(next, { redirect: 'manual', headers: { cookie: jar.header } }));
      // A third-party integration's consent page: its Allow posts, then redirects to the client too.
      const consent = /^\/interaction\/([^/]+)$/.exec(next.pathname)?.[1];
      if (consent && res.status === 200) {
        consentHeaders = res.headers;
        res = jar.take(await fetch(`${server.origin}/interaction/${consent}/consent`, {
          method: 'POST', redirect: 'manual', headers: { cookie: jar.header }, body: new URLSearchParams({ decision: 'allow' }),
        }));
      }
    }
    return res;
  }
  let consentHeaders: Headers | undefined;

  it('serves the demo pages, the login page and oidc-provider\'s pages under the same policy, framed by no one', async () => {
    for (const path of ['/', '/admin', '/react', '/vue', '/demo/index.html', '/demo/admin.html', '/auth?client_id=nope', '/session/end', '/jwks']) {
      const res = await fetch(`${server.origin}${path}`);
      const body = await res.text();
      assertPolicy(path, res.headers, { scriptHashes: inlineScriptHashes(body) });
    }
    const { uid, jar } = await beginSignIn();
    const login = await fetch(`${server.origin}/interaction/${uid}`, { headers: { cookie: jar.header } });
    assert.equal(login.status, 200);
    assertPolicy('the login page', login.headers, { formAction: [server.origin] });

    const back = await signInAsBrowser(jar, uid);
    assert.match(back.headers.get('location') ?? '', /[?&]code=/, 'signed in');
    const logout = await fetch(`${server.origin}/session/end`, { headers: { cookie: jar.header } });
    const page = await logout.text();
    assert.match(page, /op\.logoutForm/, 'the logout confirmation');
    assert.doesNotMatch(page, /<script|<style|style=/, 'the logout confirmation has nothing inline the policy would block');
    assertPolicy('the logout confirmation', logout.headers);
  });

  it('lets the sign-in pages of a client on another origin send the browser to its redirect_uri, and only there (form_post too)', async () => {
    const client = { id: 'gk_reporting_dashboard', redirectUri: 'https://reports.example.com/callback', responseMode: 'form_post' };
    const { uid, jar } = await beginSignIn(client);
    const login = await fetch(`${server.origin}/interaction/${uid}`, { headers: { cookie: jar.header } });
    assert.equal(login.status, 200);
    assertPolicy('the login page', login.headers, { formAction: ['https://reports.example.com'] });

    const formPost = await signInAsBrowser(jar, uid);
    const page = await formPost.text();
    assert.equal(formPost.status, 200, page);
    assert.ok(consentHeaders, 'the integration asked for consent on the way');
    assertPolicy('the consent page', consentHeaders, { formAction: ['https://reports.example.com'] });
    assert.match(page, /<form method="post" action="https:\/\/reports\.example\.com\/callback">/);
    // Its inline auto-submit is allowed by its hash, and its form may post to the client: nothing else changed.
    assertPolicy('the form_post page', formPost.headers, { formAction: ['https://reports.example.com'], scriptHashes: inlineScriptHashes(page) });
  });

  it('builds the policy with more form-action origins only from http(s) URLs', () => {
    const policy = directives(contentSecurityPolicy(['https://app.example/cb?x=1', 'http://127.0.0.1:5173/callback', "https://a.example/;script-src 'unsafe-inline'", 'javascript:alert(1)', 'not a URL']));
    assert.deepEqual(policy.get('form-action'), ["'self'", 'https://app.example', 'http://127.0.0.1:5173', 'https://a.example']);
    assert.deepEqual(policy.get('script-src'), ["'self'"]);
  });
});

describe('text the database cannot hold', () => {
  it('U+0000 in a body, a query or a path is a 400 naming where it is, never a 500, and nothing is stored', async () => {
    const server = await start();
    try {
      const call = api(server, (await signIn(server, 'ada@example.com', 'ada-demo')).access_token);
      const integration = { client_name: 'Nul', version: '1', token_endpoint_auth_method: 'none', grant_types: ['authorization_code'], redirect_uris: ['https://x.example/cb'] };
      const cases: Array<[string, Promise<{ status: number; body: Record<string, any> | undefined }>, string]> = [
        ['a description', call('POST', '/integrations', { ...integration, description: 'a\u0000b' }), '/body/description'],
        ['a redirect URI', call('POST', '/integrations', { ...integration, redirect_uris: ['https://x.example/c\u0000b'] }), '/body/redirect_uris/0'],
        ['a scope description', call('POST', '/scopes', { name: 'nul:read', description: 'x\u0000' }), '/body/description'],
        ['a token name', call('POST', '/personal-tokens', { name: 'x\u0000', expires_in_days: 1 }), '/body/name'],
        ['a search', call('GET', '/integrations?q=%00'), '/query/q'],
        ['a path', call('GET', '/integrations/a%00b'), '/path/client_id'],
        ['a filter', call('GET', '/tokens?subject=%00'), '/query/subject'],
      ];
      for (const [what, answer, where] of cases) {
        const res = await answer;
        assert.equal(res.status, 400, `${what}: ${JSON.stringify(res.body)}`);
        assert.equal(res.body!.code, 'validation_failed');
        assert.equal(res.body!.errors[0].path, where, what);
      }
      assert.equal((await call('GET', `/tokens?cursor=${Buffer.from('1|\u0000').toString('base64url')}`)).status, 400, 'a cursor that decodes to U+0000');
      assert.equal((await server.db.query("select 1 from integrations where client_name = 'Nul'")).length, 0);
      // The authorization server stores what a request carries as JSON text, where U+0000 is written escaped.
      const auth = await fetch(`${server.origin}/auth?${new URLSearchParams({ client_id: 'grantkit-demo', redirect_uri: `${server.origin}/`, response_type: 'code', scope: 'openid', state: 'a\u0000b', nonce: '\u0000', code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM', code_challenge_method: 'S256' })}`, { redirect: 'manual' });
      assert.equal(auth.status, 303);
    } finally {
      await server.close();
    }
  });
});
