import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { after, before, describe, it } from 'node:test';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { api, authorize, exchange, refresh, signIn, start, type Running } from './support.js';
import { openDatabase } from '../db/database.js';
import { contentSecurityPolicy } from '../http/security-headers.js';
import { migrate, MIGRATIONS } from '../db/migrations.js';

// Integration kinds (issue #17): an integration is a web application, a single-page app, a
// native app (RFC 8252) or a service, and each kind has its rules. The native kind is the one
// with new callback URLs: a reverse-DNS private-use scheme, http on a loopback IP literal with
// any port at the authorization request, or a claimed https URL. What its users rely on: a
// desktop or command-line app signs in through the real browser and gets its code back on
// whatever port it could open; nothing looser (localhost, another host, javascript:) is taken.

let server: Running;
let admin: ReturnType<typeof api>;

before(async () => {
  server = await start();
  admin = api(server, (await signIn(server, 'ada@example.com', 'ada-demo')).access_token);
});
after(() => server.close());

let named = 0;
const integration = (fields: Record<string, unknown>) => ({
  client_name: `Kind check ${++named}`, version: '1.0', token_endpoint_auth_method: 'none', grant_types: ['authorization_code', 'refresh_token'], ...fields,
});

/** The paths of a validation_failed refusal. */
function refusedAt(reply: { status: number; body?: Record<string, any> }): string[] {
  assert.equal(reply.status, 400, JSON.stringify(reply.body));
  assert.equal(reply.body!.code, 'validation_failed');
  return (reply.body!.errors as { path: string }[]).map((e) => e.path);
}

describe('native integrations (RFC 8252)', () => {
  it('take the three native forms of callback URL', async () => {
    const uris = [
      'com.example.app:/oauth/callback',
      // DataLoop's, from the reference documents: a reverse-DNS scheme with an authority and capitals.
      'com.innovmetric.DataLoopCore://oauth/redirect/public',
      'http://127.0.0.1/callback',
      'http://[::1]:8080/callback',
      'https://app.example.com/oauth/callback',
    ];
    const created = await admin('POST', '/integrations', integration({ kind: 'native', redirect_uris: uris }));
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.deepEqual([created.body!.kind, created.body!.client_type, created.body!.redirect_uris], ['native', 'public', uris]);
    assert.equal(created.body!.client_secret, undefined);
    assert.equal((await admin('GET', `/integrations/${created.body!.client_id}`)).body!.kind, 'native');
  });

  for (const uri of [
    'http://localhost/callback', 'http://localhost:8080/callback', // §8.3: not localhost
    'myapp:/callback', 'myapp://callback', // a private-use scheme needs a dot (reverse-DNS form)
    'javascript:alert(1)', 'data:text/html,x', 'file:///etc/passwd', 'vbscript:x',
    'http://192.168.1.5/callback', 'http://example.com/callback', 'http://127.0.0.2/callback', 'http://[::2]/callback',
    'https://127.0.0.1/callback', 'https://localhost/callback', 'https://0x7f000001/callback', 'https://[::1]/callback', 'https://app.localhost/cb',
    'https://0.0.0.0/callback', 'https://[::]/callback', // the unspecified addresses reach this machine too
    'com.example.app:/callback#fragment', 'com.example.app:callback', '.example.app:/cb', 'com..example:/cb',
  ]) {
    it(`refuse ${uri} as a native callback, beside the field`, async () => {
      const reply = await admin('POST', '/integrations', integration({ kind: 'native', redirect_uris: ['com.example.ok:/cb', uri] }));
      assert.ok(refusedAt(reply).includes('/body/redirect_uris/1'), JSON.stringify(reply.body));
      assert.ok(!refusedAt(reply).includes('/body/redirect_uris/0'));
    });
  }

  it('are listed by kind', async () => {
    const listed = await admin('GET', '/integrations?kind=native&limit=100');
    assert.equal(listed.status, 200);
    const items = listed.body!.items as { client_id: string; kind: string }[];
    assert.ok(items.some((i) => i.client_id === 'gk_survey_desktop'), 'the seeded native app');
    assert.deepEqual([...new Set(items.map((i) => i.kind))], ['native']);
    assert.deepEqual(refusedAt(await admin('GET', '/integrations?kind=desktop')), ['/query/kind']);
  });

  it('are public: a secret or a key is refused, and so is the client credentials grant', async () => {
    for (const method of ['client_secret_basic', 'client_secret_post', 'private_key_jwt']) {
      const reply = await admin('POST', '/integrations', integration({ kind: 'native', token_endpoint_auth_method: method, redirect_uris: ['com.example.app:/cb'] }));
      assert.ok(refusedAt(reply).includes('/body/token_endpoint_auth_method'), JSON.stringify(reply.body));
    }
    const credentials = await admin('POST', '/integrations', integration({ kind: 'native', grant_types: ['authorization_code', 'client_credentials'], redirect_uris: ['com.example.app:/cb'] }));
    assert.ok(refusedAt(credentials).some((p) => p.startsWith('/body/grant_types')));
  });
});

describe('native integrations and browsers', () => {
  it('widen a sign-in page\'s form-action only to what CSP can name exactly', () => {
    const formAction = (target: string) => /form-action ([^;]*)/.exec(contentSecurityPolicy([target]))![1]!.split(' ').slice(1);
    assert.deepEqual(formAction('http://127.0.0.1:5555/callback'), ['http://127.0.0.1:5555']);
    assert.deepEqual(formAction('com.example.app:/callback'), ['com.example.app:']);
    // No IPv6 host-source exists: nothing is added, and such a sign-in ends on a page that navigates.
    assert.deepEqual(formAction('http://[::1]:5555/callback'), []);
    for (const hostile of ['javascript:alert(1)', 'data:text/html,x', 'myapp:/cb', 'file:///etc/passwd', 'not a url']) assert.deepEqual(formAction(hostile), [], hostile);
  });


  it('answer no CORS request: not from the opaque origin "null" of a private-use scheme, nor from a loopback page', async () => {
    const created = await admin('POST', '/integrations', integration({ kind: 'native', redirect_uris: ['com.example.cors:/cb', 'http://127.0.0.1/cb'] }));
    const id = created.body!.client_id as string;
    // A sandboxed frame, a data: page or a file: page sends Origin: null; a page on port 80 of this machine sends http://127.0.0.1.
    for (const origin of ['null', 'http://127.0.0.1']) {
      for (const endpoint of ['/token', '/token/revocation', '/token/introspection', '/request']) {
        const reply = await fetch(`${server.origin}${endpoint}`, {
          method: 'POST',
          headers: { origin, 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ client_id: id, grant_type: 'refresh_token', refresh_token: 'x', token: 'x', response_type: 'code', redirect_uri: 'com.example.cors:/cb' }),
        });
        assert.equal(reply.headers.get('access-control-allow-origin'), null, `${endpoint} answered ${origin} with CORS`);
      }
    }
    // A single-page app's own origin still gets its answer.
    const spa = await admin('POST', '/integrations', integration({ kind: 'single_page', redirect_uris: ['https://spa.example.com/cb'] }));
    const reply = await fetch(`${server.origin}/token`, {
      method: 'POST', headers: { origin: 'https://spa.example.com', 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ client_id: spa.body!.client_id, grant_type: 'refresh_token', refresh_token: 'x' }),
    });
    assert.equal(reply.headers.get('access-control-allow-origin'), 'https://spa.example.com');
  });
});

describe('each kind keeps its rules', () => {
  it('a web application is confidential, signs users in, and takes web callback URLs only', async () => {
    assert.ok(refusedAt(await admin('POST', '/integrations', integration({ kind: 'web', redirect_uris: ['https://w.example/cb'] }))).includes('/body/token_endpoint_auth_method'));
    assert.ok(refusedAt(await admin('POST', '/integrations', integration({ kind: 'web', token_endpoint_auth_method: 'client_secret_basic', redirect_uris: ['com.example.app:/cb'] }))).includes('/body/redirect_uris/0'));
    assert.ok(refusedAt(await admin('POST', '/integrations', integration({ kind: 'web', token_endpoint_auth_method: 'client_secret_basic', grant_types: ['client_credentials'] }))).includes('/body/grant_types'));
    const ok = await admin('POST', '/integrations', integration({ kind: 'web', token_endpoint_auth_method: 'client_secret_basic', redirect_uris: ['https://w.example/cb', 'http://localhost:3000/cb'] }));
    assert.equal(ok.status, 201, JSON.stringify(ok.body));
    assert.equal(typeof ok.body!.client_secret, 'string');
  });

  it('a single-page app is public and takes web callback URLs only', async () => {
    assert.ok(refusedAt(await admin('POST', '/integrations', integration({ kind: 'single_page', redirect_uris: ['com.example.app:/cb'] }))).includes('/body/redirect_uris/0'));
    assert.ok(refusedAt(await admin('POST', '/integrations', integration({ kind: 'single_page', token_endpoint_auth_method: 'client_secret_basic', redirect_uris: ['https://s.example/cb'] }))).includes('/body/token_endpoint_auth_method'));
  });

  it('a service uses client credentials only, and has no callback URL', async () => {
    const service = { kind: 'service', token_endpoint_auth_method: 'client_secret_basic' };
    assert.ok(refusedAt(await admin('POST', '/integrations', integration({ ...service, grant_types: ['client_credentials'], redirect_uris: ['https://s.example/cb'] }))).includes('/body/redirect_uris'));
    assert.ok(refusedAt(await admin('POST', '/integrations', integration({ ...service, grant_types: ['client_credentials', 'authorization_code'], redirect_uris: ['https://s.example/cb'] }))).some((p) => p.startsWith('/body/grant_types')));
    assert.ok(refusedAt(await admin('POST', '/integrations', integration({ kind: 'service', grant_types: ['client_credentials'] }))).includes('/body/token_endpoint_auth_method'));
    const ok = await admin('POST', '/integrations', integration({ ...service, grant_types: ['client_credentials'] }));
    assert.equal(ok.status, 201, JSON.stringify(ok.body));
  });

  it('left out, the kind follows from the rest, as the document says', async () => {
    const kindOf = async (fields: Record<string, unknown>) => {
      const created = await admin('POST', '/integrations', integration(fields));
      assert.equal(created.status, 201, JSON.stringify(created.body));
      return created.body!.kind as string;
    };
    assert.equal(await kindOf({ redirect_uris: ['https://p.example/cb'] }), 'single_page');
    assert.equal(await kindOf({ token_endpoint_auth_method: 'client_secret_basic', redirect_uris: ['https://c.example/cb'] }), 'web');
    assert.equal(await kindOf({ token_endpoint_auth_method: 'private_key_jwt', grant_types: ['client_credentials'] }), 'service');
    // Public, so a single-page app, whose callbacks are web ones: a native scheme needs the native kind.
    assert.ok(refusedAt(await admin('POST', '/integrations', integration({ redirect_uris: ['com.example.app:/cb'] }))).includes('/body/redirect_uris/0'));
  });

  it('a kind changes only where the integration as changed still keeps the rules', async () => {
    const spa = await admin('POST', '/integrations', integration({ kind: 'single_page', redirect_uris: ['https://desk.example/cb', 'http://localhost:5173/cb'] }));
    const id = spa.body!.client_id as string;
    // localhost is fine for a single-page app and not for a native one: the stored URL is named.
    assert.deepEqual(refusedAt(await admin('PATCH', `/integrations/${id}`, { kind: 'native' })), ['/body/redirect_uris/1']);
    const native = await admin('PATCH', `/integrations/${id}`, { kind: 'native', redirect_uris: ['https://desk.example/cb', 'http://127.0.0.1/cb', 'com.example.desk:/cb'] });
    assert.equal(native.status, 200, JSON.stringify(native.body));
    assert.equal(native.body!.kind, 'native');
    // Public stays public: the authentication method is not changed by a kind.
    assert.ok(refusedAt(await admin('PATCH', `/integrations/${id}`, { kind: 'web' })).includes('/body/token_endpoint_auth_method'));
    assert.ok(refusedAt(await admin('PATCH', `/integrations/${id}`, { redirect_uris: ['myapp://cb'] })).includes('/body/redirect_uris/0'));
    assert.equal((await admin('GET', `/integrations/${id}`)).body!.kind, 'native', 'a refused change leaves it as it was');
  });

  it('an integration stored before the kinds, which breaks its kind\'s rules, can still be changed where the change breaks nothing', async () => {
    const db = await openDatabase();
    await migrate(db, MIGRATIONS, 4);
    // What the rules before kinds allowed: client credentials with a callback URL; a public client that only refreshes.
    for (const [id, method, grants, uris] of [['gk_old_job', 'client_secret_basic', ['client_credentials'], ['https://old.example.com/cb']], ['gk_old_spa', 'none', ['refresh_token'], ['https://old.example.com/spa']]] as const) {
      await db.query(
        `insert into integrations (client_id, client_name, version, look_key, search_text, token_endpoint_auth_method, grant_types, redirect_uris, status, created_at, updated_at)
         values ($1, $1, '1', $1, '', $2, $3, $4, 'active', now(), now())`,
        [id, method, JSON.stringify(grants), JSON.stringify(uris)],
      );
    }
    const old = await start({ database: db });
    try {
      const oldAdmin = api(old, (await signIn(old, 'ada@example.com', 'ada-demo')).access_token);
      for (const id of ['gk_old_job', 'gk_old_spa']) {
        const described = await oldAdmin('PATCH', `/integrations/${id}`, { description: 'still editable' });
        assert.equal(described.status, 200, `${id}: ${JSON.stringify(described.body)}`);
      }
      // A field the patch sets is held to the rules, broken before or not.
      assert.ok(refusedAt(await oldAdmin('PATCH', '/integrations/gk_old_job', { redirect_uris: ['https://old.example.com/other'] })).includes('/body/redirect_uris'));
      assert.equal((await oldAdmin('PATCH', '/integrations/gk_old_job', { redirect_uris: [] })).status, 200, 'and setting it right is taken');
    } finally {
      await old.close();
      await db.close();
    }
  });
});

/** What a command-line app does to sign in (RFC 8252 §7.3): a listener on a port it was given, and the system browser. */
interface LoopbackListener {
  port: number;
  redirectUri: string;
  /** The query of the first request to the callback path. */
  callback: Promise<URLSearchParams>;
  close(): Promise<void>;
}

async function listenOnLoopback(host: '127.0.0.1' | '::1', path = '/callback'): Promise<LoopbackListener> {
  let received!: (query: URLSearchParams) => void;
  const callback = new Promise<URLSearchParams>((resolve) => (received = resolve));
  const listener: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://loopback');
    if (url.pathname !== path) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/plain' }).end('Signed in. You can close this window.');
    received(url.searchParams);
  });
  // Port 0: whatever the system gives, as a CLI does; the registration names no port.
  await new Promise<void>((resolve) => listener.listen(0, host, resolve));
  const { port } = listener.address() as { port: number };
  return {
    port,
    redirectUri: `http://${host === '::1' ? '[::1]' : host}:${port}${path}`,
    callback,
    close: () => new Promise((resolve) => {
      listener.closeAllConnections();
      listener.close(() => resolve());
    }),
  };
}

function pkce(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

function authorizationUrl(clientId: string, redirectUri: string, challenge: string, state: string): string {
  const url = new URL(`${server.origin}/auth`);
  url.search = new URLSearchParams({
    client_id: clientId, redirect_uri: redirectUri, response_type: 'code', scope: 'openid offline_access projects:read', resource: `${server.origin}/api`,
    state, code_challenge: challenge, code_challenge_method: 'S256', prompt: 'consent',
  }).toString();
  return url.href;
}

describe('a command-line app signs in through the browser, on a loopback port of its choosing', { timeout: 120_000 }, () => {
  let browser: Browser;
  let clientId: string;

  before(async () => {
    browser = await puppeteer.launch({
      executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
    });
    const created = await admin('POST', '/integrations', integration({ client_name: 'Survey CLI', kind: 'native', redirect_uris: ['http://127.0.0.1/callback', 'http://[::1]/callback'] }));
    assert.equal(created.status, 201, JSON.stringify(created.body));
    clientId = created.body!.client_id as string;
    assert.equal((await admin('PUT', `/integrations/${clientId}/scopes/projects:read`)).status, 204);
  });
  after(() => browser?.close());

  /** The browser part: the server's own login and consent pages, filled in as a person would. */
  async function signInInBrowser(page: Page, url: string): Promise<void> {
    await page.goto(url);
    if (await page.$('#login')) {
      await page.type('#login', 'ada@example.com');
      await page.type('#password', 'ada-demo');
      await Promise.all([page.waitForNavigation(), page.click('button.primary')]);
    }
    // The consent page; its button sends the browser on to the app's loopback port.
    await page.waitForSelector('button[value=allow]');
    await page.click('button[value=allow]');
  }

  async function cliSignIn(host: '127.0.0.1' | '::1') {
    const listener = await listenOnLoopback(host);
    const page = await browser.newPage();
    try {
      const { verifier, challenge } = pkce();
      const state = randomBytes(16).toString('base64url');
      const landed = page.waitForResponse((r) => r.url().startsWith(listener.redirectUri), { timeout: 30_000 });
      await signInInBrowser(page, authorizationUrl(clientId, listener.redirectUri, challenge, state));
      const query = await listener.callback;
      const shown = await (await landed).text();
      assert.equal(query.get('state'), state);
      // RFC 9207: the app can tell which server answered.
      assert.equal(query.get('iss'), server.origin);
      const code = query.get('code');
      assert.ok(code, `no code: ${query}`);
      // The exchange names the redirect_uri with the port the listener had.
      const tokens = await exchange(server, { clientId, redirectUri: listener.redirectUri, scope: '', resource: `${server.origin}/api` }, code, verifier);
      assert.ok(tokens.access_token && tokens.refresh_token, JSON.stringify(tokens));
      return { tokens, port: listener.port, page: shown };
    } finally {
      await page.close();
      await listener.close();
    }
  }

  it('gets a code on a port the registration never named, exchanges it with PKCE, and refreshes', async () => {
    const first = await cliSignIn('127.0.0.1');
    assert.match(first.page, /You can close this window/);
    const projects = await fetch(`${server.origin}/api/projects`, { headers: { authorization: `Bearer ${first.tokens.access_token}` } });
    assert.equal(projects.status, 200);
    const refreshed = await refresh(server, clientId, first.tokens.refresh_token!);
    assert.equal(refreshed.status, 200, JSON.stringify(refreshed.body));
    assert.ok(refreshed.body.access_token);

    // The next run gets another port from the system: the same registration takes it.
    const second = await cliSignIn('127.0.0.1');
    assert.notEqual(second.port, first.port);
    // And IPv6 loopback, registered as http://[::1]/callback.
    await cliSignIn('::1');
  });

  it('refuses a callback that is not the registered loopback one, on any port', async () => {
    const { challenge } = pkce();
    for (const redirectUri of ['http://localhost:4567/callback', 'http://127.0.0.2:4567/callback', 'http://evil.example:4567/callback', 'http://127.0.0.1:4567/other', 'https://127.0.0.1:4567/callback']) {
      const reply = await fetch(authorizationUrl(clientId, redirectUri, challenge, 'x'), { redirect: 'manual' });
      // Told to the person at the server, never sent on to the URL given.
      assert.equal(reply.status, 400, redirectUri);
      assert.equal(reply.headers.get('location'), null, redirectUri);
      assert.match(await reply.text(), /redirect_uri/);
    }
  });

  it('only for native apps: a single-page app gets exactly its registered port', async () => {
    const spa = await admin('POST', '/integrations', integration({ kind: 'single_page', redirect_uris: ['http://127.0.0.1:5173/callback'] }));
    const { challenge } = pkce();
    const other = await fetch(authorizationUrl(spa.body!.client_id, 'http://127.0.0.1:5174/callback', challenge, 'x'), { redirect: 'manual' });
    assert.equal(other.status, 400);
  });

  it('a private-use scheme gets its code, and the consent page lets the browser go on to that scheme', async () => {
    const created = await admin('POST', '/integrations', integration({ kind: 'native', redirect_uris: ['com.example.survey:/oauth/callback'] }));
    const id = created.body!.client_id as string;
    const redirectUri = 'com.example.survey:/oauth/callback';
    const { callback, verifier, consentPolicy } = await authorize(server, 'ada@example.com', 'ada-demo', { clientId: id, redirectUri, scope: 'openid offline_access' }, { params: { prompt: 'consent' } });
    // Chromium holds the last redirect after the consent form to the page's form-action.
    const formAction = /form-action ([^;]*)/.exec(consentPolicy ?? '')?.[1]?.split(' ') ?? [];
    assert.ok(formAction.includes('com.example.survey:'), consentPolicy);
    assert.ok(!formAction.some((source) => /^(javascript|data|\*)/.test(source)), consentPolicy);
    const tokens = await exchange(server, { clientId: id, redirectUri, scope: '' }, callback.searchParams.get('code')!, verifier);
    assert.ok(tokens.access_token);
  });
});
