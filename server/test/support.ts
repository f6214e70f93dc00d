import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { createHash, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { createServer } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWTPayload } from 'jose';
import { createApp, type App, type AppOptions } from '../app.js';
import { openDatabase, type Database } from '../db/database.js';
import { migrate } from '../db/migrations.js';

export interface Running extends App {
  origin: string;
  /** The port it listens on (another server may answer for its origin: see the scale-out test). */
  port: number;
  signingKey: KeyObject;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** A migrated, empty PGlite data directory: a new database from it opens 4× faster than from nothing. */
let template: Promise<Blob | File> | undefined;

/** A new, empty, migrated in-memory PGlite database. */
export async function freshDatabase(): Promise<Database> {
  template ??= (async () => {
    const db = await openDatabase();
    await migrate(db);
    const dump = await db.dump!();
    await db.close();
    return dump;
  })();
  return openDatabase({ from: await template });
}

/**
 * Starts the reference server on a free loopback port, in demo mode unless told otherwise (the
 * tests sign in as the demo's people), on a database of its own unless given one.
 */
export async function start(options: Omit<AppOptions, 'origin'> & { port?: number; origin?: string } = {}): Promise<Running> {
  const port = options.port ?? (await freePort());
  const origin = options.origin ?? `http://127.0.0.1:${port}`;
  const signingKey = options.signingKey ?? generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  const { port: _port, origin: _origin, ...appOptions } = options;
  const own = options.database === undefined ? await freshDatabase() : undefined;
  const app = await createApp({ origin, signingKey, demo: true, ...appOptions, ...(own ? { database: own } : {}) });
  await new Promise<void>((resolve) => app.server.listen(port, '127.0.0.1', resolve));
  return {
    ...app,
    origin,
    port,
    signingKey,
    close: async () => {
      await new Promise<void>((resolve) => {
        app.server.closeAllConnections();
        app.server.close(() => resolve());
      });
      await app.shutdown();
      await own?.close();
    },
  };
}

export class CookieJar {
  readonly #cookies = new Map<string, string>();
  store(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, ...value] = pair!.split('=');
      this.#cookies.set(name!.trim(), value.join('='));
    }
  }
  header(): string {
    return [...this.#cookies].map(([n, v]) => `${n}=${v}`).join('; ');
  }
}

/**
 * Signs in through the server's real login page with the demo SPA client (authorization
 * code + PKCE, resource = the admin API) and returns the token response.
 */
export interface SignInClient {
  clientId: string;
  redirectUri: string;
  scope: string;
  resource?: string;
  /** Binds the tokens to this key (DPoP): the token request carries a proof of it. */
  dpop?: DPoPKeys;
}

export interface DPoPKeys {
  privateKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
  jwk: Record<string, unknown>;
}

export async function dpopKeys(): Promise<DPoPKeys> {
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  return { privateKey, jwk: await exportJWK(publicKey) };
}

/** A DPoP proof (RFC 9449 §4.2) as a browser client would make it. */
export async function dpopProof(keys: DPoPKeys, method: string, url: string, accessToken?: string, extra: Record<string, unknown> = {}): Promise<string> {
  const ath = accessToken === undefined ? undefined : createHash('sha256').update(accessToken).digest('base64url');
  return new SignJWT({ htm: method, htu: url, jti: randomBytes(16).toString('base64url'), ...(ath ? { ath } : {}), ...extra })
    .setProtectedHeader({ alg: 'ES256', typ: 'dpop+jwt', jwk: keys.jwk })
    .setIssuedAt()
    .sign(keys.privateKey);
}

export interface AuthorizeOptions {
  /** What to answer on a consent page, if one is shown. Default allow. */
  consent?: 'allow' | 'deny';
  /** Extra authorization request parameters, e.g. prompt. */
  params?: Record<string, string>;
  /** A browser's cookies, to sign in again within one session. */
  jar?: CookieJar;
}

export interface Authorized {
  /** The redirect back to the client: with a code, or with an error. */
  callback: URL;
  verifier: string;
  /** How many consent pages were shown on the way. */
  consentPages: number;
  /** The consent page's HTML, when one was shown. */
  consentHtml?: string;
  /** The consent page's Content-Security-Policy, when one was shown. */
  consentPolicy?: string;
  jar: CookieJar;
}

/** Runs the authorization request through the real login (and consent) pages up to the redirect back to the client. */
export async function authorize(server: Running, login: string, password: string, client?: SignInClient, options: AuthorizeOptions = {}): Promise<Authorized> {
  const jar = options.jar ?? new CookieJar();
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const c = client ?? { clientId: 'grantkit-demo', redirectUri: `${server.origin}/`, scope: 'openid grantkit:admin', resource: server.adminAudience };
  const redirectUri = c.redirectUri;
  const auth = new URL(`${server.origin}/auth`);
  auth.search = new URLSearchParams({
    client_id: c.clientId, redirect_uri: redirectUri, response_type: 'code', scope: c.scope,
    ...(c.resource ? { resource: c.resource } : {}), state: 'test-state', code_challenge: challenge, code_challenge_method: 'S256',
    ...options.params,
  }).toString();

  let url = auth.href;
  let response: Response;
  let consentPages = 0;
  let consentHtml: string | undefined;
  let consentPolicy: string | undefined;
  for (let hop = 0; hop < 12; hop++) {
    response = await fetch(url, { redirect: 'manual', headers: { cookie: jar.header() } });
    jar.store(response);
    if (response.status === 200 && url.includes('/interaction/')) {
      const uid = /\/interaction\/([^/?]+)/.exec(url)![1];
      const page = await response.text();
      const consent = page.includes(`/interaction/${uid}/consent`);
      if (consent) {
        consentPages++;
        consentHtml = page;
        consentPolicy = response.headers.get('content-security-policy') ?? undefined;
      }
      response = await fetch(`${server.origin}/interaction/${uid}/${consent ? 'consent' : 'login'}`, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(consent ? { decision: options.consent ?? 'allow' } : { login, password }),
      });
      jar.store(response);
      if (response.status !== 303 && response.status !== 302) throw new Error(`${consent ? 'consent' : 'login'} refused (${response.status})`);
    }
    const location = response.headers.get('location');
    if (!location) throw new Error(`sign-in stopped at ${url} with ${response.status}`);
    url = new URL(location, url).href;
    if (url.startsWith(redirectUri)) {
      const back = new URL(url);
      if (back.searchParams.has('code') || back.searchParams.has('error')) return { callback: back, verifier, consentPages, ...(consentHtml ? { consentHtml } : {}), ...(consentPolicy ? { consentPolicy } : {}), jar };
    }
  }
  throw new Error(`no redirect back to ${redirectUri}`);
}

export async function signIn(server: Running, login: string, password: string, client?: SignInClient, options: AuthorizeOptions = {}): Promise<TokenResponse> {
  const c = client ?? { clientId: 'grantkit-demo', redirectUri: `${server.origin}/`, scope: 'openid grantkit:admin', resource: server.adminAudience };
  const { callback, verifier } = await authorize(server, login, password, c, options);
  const code = callback.searchParams.get('code');
  if (!code) throw new Error(`no code in ${callback.href}`);
  return exchange(server, c, code, verifier);
}

/** The code exchange of a public client. */
export async function exchange(server: Running, c: SignInClient, code: string, verifier: string): Promise<TokenResponse> {
  const token = await fetch(`${server.origin}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(c.dpop ? { dpop: await dpopProof(c.dpop, 'POST', `${server.origin}/token`) } : {}) },
    body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: c.redirectUri, client_id: c.clientId, code_verifier: verifier, ...(c.resource ? { resource: c.resource } : {}) }),
  });
  if (!token.ok) throw new Error(`token exchange failed: ${token.status} ${await token.text()}`);
  return (await token.json()) as TokenResponse;
}

export interface TokenResponse {
  access_token: string;
  token_type: string;
  refresh_token?: string;
  expires_in?: number;
  scope?: string;
}

/** A refresh_token grant for a public client. */
export async function refresh(server: Running, clientId: string, refreshToken: string): Promise<{ status: number; body: Record<string, any> }> {
  const response = await fetch(`${server.origin}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: clientId }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

/** A JWT signed with the given key, with claims a test chooses. */
export async function forge(key: KeyObject, claims: JWTPayload, header: { alg: string; kid?: string; typ?: string } = { alg: 'RS256', kid: 'grantkit-signing-key', typ: 'at+jwt' }): Promise<string> {
  return new SignJWT(claims).setProtectedHeader(header).sign(key);
}

export function api(server: Running, token: string | undefined) {
  return async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${server.origin}/admin/v1${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as Record<string, any>) : undefined };
  };
}

/** A client_credentials token request with a client secret. */
export async function clientCredentials(server: Running, clientId: string, secret: string, scope?: string): Promise<{ status: number; body: Record<string, any> }> {
  const response = await fetch(`${server.origin}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(secret)}`).toString('base64')}` },
    body: new URLSearchParams({ grant_type: 'client_credentials', ...(scope ? { scope } : {}) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

export interface RawReply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** One HTTP request from a chosen loopback address (the whole of 127.0.0.0/8 reaches the server), for tests of per-address limits. */
export function requestFrom(url: string, options: { method?: string; headers?: Record<string, string>; body?: string; from?: string } = {}): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: options.method ?? 'GET', headers: options.headers, localAddress: options.from ?? '127.0.0.1' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/** Every row of every table, as text: to check that a secret or token value is nowhere in the database. */
export async function databaseText(server: Running): Promise<string> {
  const tables = await server.db.query<{ table_name: string }>("select table_name from information_schema.tables where table_schema = 'public'");
  const rows = await Promise.all(tables.map(async (t) => server.db.query(`select * from ${t.table_name}`)));
  return JSON.stringify(rows);
}
