import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, type JsonWebKey, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import type Provider from 'oidc-provider';
import { errors, type Adapter, type AdapterPayload, type ClientMetadata } from 'oidc-provider';
import { DEMO_ACCOUNTS, NO_ACCOUNTS, type AccountDirectory } from './accounts.js';
import { Consents } from './admin/consents.js';
import { findIntegration } from './admin/integrations.js';
import { jwksOf } from './admin/client-keys.js';
import type { KeyAlgorithm } from './admin/public-key.js';
import { Scopes } from './admin/scopes.js';
import { renderConsentPage } from './consent-page.js';
import { ADMIN_BASE, createAdminApi } from './admin/api.js';
import { createDemoApi, DEMO_API_BASE } from './demo-api.js';
import { createAuthenticator } from './admin/auth.js';
import type { IntrospectionResult, ReplayGuard } from '../src/server/index.js';
import { seedDatabase } from './admin/seed.js';
import { secretMatches, usesSecret, type AuthMethod, type StoredIntegration } from './admin/records.js';
import { enumOf } from './admin/openapi.js';
import { openDatabase, type Database } from './db/database.js';
import { isForeignKeyViolation } from './db/errors.js';
import { claimOnce, sharedKey } from './db/keys.js';
import { migrate } from './db/migrations.js';
import { addressKey } from './client-address.js';
import { renderLoginPage } from './login-page.js';
import { onceInRequest, withRequestSource } from './request-source.js';
import { LoginThrottle, tooManyAttempts, type LoginThrottleSettings } from './login-throttle.js';
import { OidcStorage } from './oidc/sql-adapter.js';
import { ADMIN_API_SCOPE, ADMIN_GRANT_CLAIM, announceScope, createProvider, dpopNonces, forgetScope, SIGNING_KEY_ID } from './provider.js';
import { seedTokens } from './oidc/seed-tokens.js';
import { answerFailure } from './http/failures.js';
import { readBody } from './http/read-body.js';
import { pinToOrigin } from './http/request-target.js';
import { formActionSourceOf, secureEveryResponse } from './http/security-headers.js';
import { allowClientRedirectsOnProviderPages, allowInteractionRedirect } from './oidc/redirect-form-action.js';
import { renderContinuePage, renderNoticePage } from './notice-page.js';
import { serveFile } from './static-files.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DEMO_DIR = `${ROOT}demo`;
const DEMO_BUILD_DIR = `${ROOT}build/demo`;
const SERVER_ASSETS = `${ROOT}server/assets`;
const ADMIN_DOCUMENT = `${ROOT}docs/admin-api.yaml`;

/**
 * The app page may open popups and keep a handle on them. The login page gets no COOP:
 * a popup that lands on a page with another opener policy is moved to a new browsing
 * context group, and the opening app then sees it as closed. (The CSP and the rest are on
 * every response: server/http/security-headers.ts.)
 */
const APP_PAGE_HEADERS = { 'Cross-Origin-Opener-Policy': 'same-origin-allow-popups' };

/** Access tokens that "never expire" still need a number for the provider: ten years. */
const NEVER_EXPIRES_SECONDS = 10 * 365 * 24 * 3600;

export interface AppOptions {
  /** The origin users reach the server at, e.g. http://127.0.0.1:8080. */
  origin: string;
  /**
   * Where the state is kept. With `url` (postgres://…), a PostgreSQL server, which several
   * server processes may share. Without it, the embedded PGlite: in `dataDir` when given (a
   * restart signs nobody out), in memory otherwise. Or an open `database` (tests give two
   * servers one).
   */
  database?: { url?: string; dataDir?: string } | Database;
  /** The RSA key tokens are signed with, when the database holds none yet (tests pass their own to forge tokens). */
  signingKey?: KeyObject;
  adminTokenTtl?: number;
  /**
   * Demo mode: the demo's two accounts (their passwords on the login page), and a fresh store
   * seeded with example integrations, scopes, consents and tokens. Off by default, so that a
   * copy run as a service has no known password and nothing it did not create. `npm start`
   * turns it on.
   */
  demo?: boolean;
  /** Who can sign in. Default: the demo's accounts in demo mode, nobody otherwise. */
  accounts?: AccountDirectory;
  /** In demo mode, issue the example tokens on a fresh database. Default true. */
  seedTokens?: boolean;
  /** Other origins whose admin portals may call the admin API from a browser (CORS). Same-origin needs none. */
  adminCorsOrigins?: string[];
  /** The clock sign-ins, codes and tokens expire by, in ms. Default Date.now (tests move it). */
  clock?: () => number;
  /** How often expired sign-ins, codes and tokens are swept from the database, in ms. Default 60 s. */
  sweepIntervalMs?: number;
  /** Sign-ins not tied to an account yet (interactions, pushed requests, sessions without one) this process keeps at once; the oldest goes first. Default 10,000. */
  maxPendingSignIns?: number;
  /** How failed passwords slow further tries (tests give it a clock); defaults in login-throttle.ts. */
  loginThrottle?: LoginThrottleSettings;
}

/**
 * The server's own first-party clients: the demo pages, which are also the admin portals.
 * They skip consent and are the only clients that may ask for the admin API.
 */
export const DEMO_CLIENT_IDS = ['grantkit-demo', 'grantkit-demo-dpop'] as const;

export interface App {
  server: Server;
  provider: Provider;
  db: Database;
  storage: OidcStorage;
  adminAudience: string;
  /** Stops sweeping and closes the database, if this app opened it (after the server has closed). */
  shutdown(): Promise<void>;
}

function isDatabase(value: AppOptions['database']): value is Database {
  return value !== undefined && 'query' in value;
}

export async function createApp(options: AppOptions): Promise<App> {
  const accounts = options.accounts ?? (options.demo ? DEMO_ACCOUNTS : NO_ACCOUNTS);
  const ownDatabase = !isDatabase(options.database);
  const db = isDatabase(options.database) ? options.database : await openDatabase(options.database ?? {});
  await migrate(db);
  // Made by the first process on a fresh database and shared by all: a token signed by one
  // is good at every other, and after a restart.
  const signing = await sharedKey(db, 'signing', () => (options.signingKey ?? generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey).export({ format: 'jwk' }));
  const cookieKey = await sharedKey(db, 'cookie', () => randomBytes(32).toString('base64url'));
  const dpopNonce = await sharedKey(db, 'dpopNonce', () => randomBytes(32).toString('base64url'));
  const handleKey = await sharedKey(db, 'tokenHandles', () => randomBytes(32).toString('base64url'));
  const signingKey = createPrivateKey({ key: signing as JsonWebKey, format: 'jwk' });
  // The demo's example data, written once per database, by whichever process gets there first.
  const seeded = options.demo === true && (await db.transaction(async (tx) => {
    if (!(await claimOnce(tx, 'seeded'))) return false;
    await seedDatabase(tx);
    return true;
  }));

  const storage = new OidcStorage(db, { handleKey: Buffer.from(handleKey, 'base64url'), now: options.clock, maxAnonymous: options.maxPendingSignIns });
  const stopSweeping = storage.sweepEvery(options.sweepIntervalMs ?? 60_000);
  const adminAudience = `${options.origin}${ADMIN_BASE}`;
  // Taking a consent back ends the grants it stood for.
  const consents = new Consents(db, (accountId, clientId) => storage.revokeGrantsOf(accountId, clientId));
  // Today the same clients: the demo pages are the server's own, and its admin portals.
  const firstPartyClients: ReadonlySet<string> = new Set(DEMO_CLIENT_IDS);
  const adminClients: ReadonlySet<string> = firstPartyClients;
  // Read once per request (a token request asks for it up to four times), fresh in every request.
  const integration = (clientId: string): Promise<StoredIntegration | undefined> => onceInRequest(`integration ${clientId}`, () => findIntegration(db, clientId));
  // The provider insists on a secret in a confidential client's metadata; the real check
  // is verifyClientSecret below, so this stand-in never authenticates anyone.
  const placeholderSecret = randomBytes(32).toString('base64url');

  // Read on every request that names the client, so a change made through any instance holds at once.
  const clientFromStore = async (clientId: string): Promise<AdapterPayload | undefined> => {
    const i = await integration(clientId);
    if (!i || i.status !== 'active') return undefined;
    // A refresh count of 0 means no refresh token at all.
    const grantTypes = i.refresh_count === 0 ? i.grant_types.filter((g) => g !== 'refresh_token') : i.grant_types;
    const method = i.token_endpoint_auth_method;
    return {
      client_id: i.client_id,
      client_name: `${i.client_name} ${i.version}`,
      // A native app's loopback callback may name any port at the authorization request (RFC 8252 §7.3),
      // which oidc-provider allows for native clients only.
      application_type: i.kind === 'native' ? 'native' : 'web',
      token_endpoint_auth_method: method,
      ...(usesSecret(method) ? { client_secret: placeholderSecret } : {}),
      // Its public keys, read with the rest (once per request, as the integration is): a key added or
      // removed through any instance holds at the next request.
      ...(method === 'private_key_jwt' ? { jwks: { keys: await onceInRequest(`keys ${clientId}`, () => jwksOf(db, clientId)) } } : {}),
      redirect_uris: i.redirect_uris,
      post_logout_redirect_uris: i.post_logout_redirect_uris,
      grant_types: grantTypes,
      response_types: i.grant_types.includes('authorization_code') ? ['code'] : [],
      scope: ['openid', 'profile', 'email', ...(i.refresh_count === 0 ? [] : ['offline_access']), ...i.scopes].join(' '),
    };
  };

  // The API that integrations' scopes (service URLs) belong to unless they name an audience.
  const apiAudience = `${options.origin}/api`;
  const provider = createProvider({
    issuer: options.origin,
    adminAudience,
    defaultResourceFor: async (clientId) => {
      const i = await integration(clientId);
      return i ? (i.audience ?? apiAudience) : undefined;
    },
    resourceServerFor: async (indicator, clientId) => {
      const i = await integration(clientId);
      if (!i || indicator !== (i.audience ?? apiAudience)) return undefined;
      return { scope: i.scopes.join(' '), accessTokenTTL: i.access_token_lifetime ?? NEVER_EXPIRES_SECONDS };
    },
    signingKey,
    adminClients,
    firstPartyClients,
    consentedScopes: (accountId, clientId) => consents.scopesOf(accountId, clientId),
    accounts,
    // The document's methods: oidc-provider would also offer client_secret_jwt and private_key_jwt, which nobody can register.
    clientAuthMethods: enumOf(ADMIN_DOCUMENT, 'IntegrationCreate', 'token_endpoint_auth_method') as AuthMethod[],
    clientAssertionAlgorithms: enumOf(ADMIN_DOCUMENT, 'KeyAlgorithm') as KeyAlgorithm[],
    cookieKeys: [cookieKey],
    dpopNonceSecret: Buffer.from(dpopNonce, 'base64url'),
    ...(options.adminTokenTtl ? { adminTokenTtl: options.adminTokenTtl } : {}),
    adapter: (name) => (name === 'Client' ? clientAdapter(clientFromStore) : storage.adapter(name)),
    // Read from the database on every use: a secret rotated through one instance is refused by all of them at once.
    verifyClientSecret: async (clientId, secret) => {
      const i = await integration(clientId);
      if (!i?.secret) return false;
      if (secretMatches(secret, i.secret)) return true;
      const previous = i.previous_secret;
      return previous !== undefined && previous.expires_at > new Date().toISOString() && secretMatches(secret, previous);
    },
    clients: [
      demoClient(DEMO_CLIENT_IDS[0], options.origin),
      // The demo pages sign in with this one: its tokens are bound to a key in the browser (DPoP, RFC 9449).
      { ...demoClient(DEMO_CLIENT_IDS[1], options.origin), dpop_bound_access_tokens: true },
    ],
  });
  allowClientRedirectsOnProviderPages(provider);
  const scopes = new Scopes(db, (name) => storage.scopeInUse(name), (name) => announceScope(provider, name), (name) => forgetScope(provider, name));
  const knownScopes = new KnownScopes(db, provider);
  await knownScopes.sync();
  if (seeded && options.seedTokens !== false) await seedTokens(provider, db);
  const oidc = provider.callback();

  provider.on('grant.success', (ctx) => {
    // "Last used" on a connected app: the last time the integration got tokens for the user.
    const accountId = ctx.oidc.entities.AccessToken?.accountId;
    const clientId = ctx.oidc.client?.clientId;
    if (accountId && clientId) consents.touch(accountId, clientId).catch((error: unknown) => console.error('cannot note when a connected app was last used', error));
  });

  const publicKey = { ...createPublicKey(signingKey).export({ format: 'jwk' }), kid: SIGNING_KEY_ID, use: 'sig', alg: 'RS256' };
  const adminApi = createAdminApi({
    documentFile: ADMIN_DOCUMENT,
    db,
    consents,
    scopes,
    tokens: storage,
    authenticate: createAuthenticator({
      issuer: options.origin,
      audience: adminAudience,
      jwks: { keys: [publicKey] },
      db,
      replays: dpopReplays(db),
      adminClients,
      scope: ADMIN_API_SCOPE,
      grantClaim: ADMIN_GRANT_CLAIM,
      accounts,
      dpopNonces: dpopNonces(provider),
      grantAlive: (grantId, clientId, sub) => storage.grantAllows(grantId, clientId, sub, adminAudience, ADMIN_API_SCOPE),
    }),
    authority: {
      revokeAllFor: async (clientId) => {
        await storage.revokeClient(clientId);
      },
      endpoints: () => ({
        issuer: options.origin,
        authorization_endpoint: `${options.origin}/auth`,
        token_endpoint: `${options.origin}/token`,
        revocation_endpoint: `${options.origin}/token/revocation`,
        introspection_endpoint: `${options.origin}/token/introspection`,
        end_session_endpoint: `${options.origin}/session/end`,
        jwks_uri: `${options.origin}/jwks`,
      }),
    },
  });

  // The API integrations' tokens are for, checked by the same kit as the admin API.
  const demoApi = createDemoApi({
    issuer: options.origin,
    audience: apiAudience,
    jwks: { keys: [publicKey] },
    introspect: (token) => introspectLocally(provider, token),
    scopes: () => scopes.catalogue(),
    dpopNonces: dpopNonces(provider),
    replays: dpopReplays(db),
  });

  const loginThrottle = new LoginThrottle(options.loginThrottle);

  /**
   * Ends an interaction step: the browser goes on to the authorization endpoint, and from there to
   * the app. Where the page's form-action cannot name the app's callback (formActionSourceOf), by
   * navigation instead, which form-action does not govern.
   */
  async function finish(req: IncomingMessage, res: ServerResponse, details: InteractionDetails, result: InteractionResults, mergeWithLastSubmission: boolean): Promise<void> {
    const target = details.params.redirect_uri;
    if (typeof target === 'string' && formActionSourceOf(target) === undefined) {
      return html(res, 200, renderContinuePage(await provider.interactionResult(req, res, result, { mergeWithLastSubmission })));
    }
    return provider.interactionFinished(req, res, result, { mergeWithLastSubmission });
  }
  async function interaction(req: IncomingMessage, res: ServerResponse, uid: string, action: string | undefined): Promise<void> {
    const details = await provider.interactionDetails(req, res);
    if (details.uid !== uid) return void res.writeHead(400).end('This sign-in is no longer valid.');
    const clientId = String(details.params.client_id);
    const client = await provider.Client.find(clientId);
    const clientName = client?.clientName ?? clientId;

    if (details.prompt.name === 'consent') return consentStep(req, res, details, clientId, clientName, action);

    const hints = accounts.hints;
    if (req.method === 'GET' && action === undefined) {
      return html(res, 200, renderLoginPage({ uid, clientName, accounts: hints }));
    }
    if (req.method === 'POST' && action === 'abort') {
      return finish(req, res, details, { error: 'access_denied', error_description: 'The user cancelled sign-in.' }, false);
    }
    if (req.method === 'POST' && action === 'login') {
      const form = new URLSearchParams(await readBody(req, 10_000));
      const login = form.get('login') ?? '';
      const address = addressKey(req.socket.remoteAddress);
      // Failures count per account, however it was named (e-mail or id); an unknown login by itself.
      const who = accounts.lookup(login)?.id ?? login;
      const wait = loginThrottle.waitMs(who, address);
      if (wait > 0) {
        // Refused before the password is looked at: the right one is answered like a wrong one, known login or not.
        const refusal = tooManyAttempts(wait);
        res.setHeader('Retry-After', String(refusal.seconds));
        return html(res, 429, renderLoginPage({ uid, clientName, accounts: hints, login, error: refusal.message }));
      }
      const account = accounts.authenticate(login, form.get('password') ?? '');
      if (!account) {
        loginThrottle.failed(who, address);
        return html(res, 401, renderLoginPage({ uid, clientName, accounts: hints, login, error: accounts.hints.length > 0 ? 'That e-mail and password do not match a demo account.' : 'That e-mail and password do not match.' }));
      }
      loginThrottle.succeeded(who);
      return finish(req, res, details, { login: { accountId: account.id } }, false);
    }
    res.writeHead(405).end();
  }

  /** The consent step of a third-party integration's sign-in: the page, then the user's decision. */
  async function consentStep(req: IncomingMessage, res: ServerResponse, details: InteractionDetails, clientId: string, clientName: string, action: string | undefined): Promise<void> {
    const accountId = details.session?.accountId;
    if (!accountId) return void res.writeHead(400).end('This sign-in is no longer valid.');
    // A built-in client gets here only with prompt=consent: it is shown by its name alone.
    const shown = (await integration(clientId)) ?? { client_name: clientName, version: '', description: '' };
    const route = action === 'consent';
    if (req.method === 'GET' && !route) {
      const requested = String(details.params.scope ?? '').split(' ').filter(Boolean);
      const described = await scopeDescriptions(db, requested);
      return html(res, 200, renderConsentPage({
        uid: details.uid,
        clientName: shown.client_name,
        clientVersion: shown.version,
        clientDescription: shown.description,
        accountName: accounts.find(accountId)?.name ?? accountId,
        scopes: requested.map((name) => ({ name, description: STANDARD_SCOPE_DESCRIPTIONS[name] ?? described.get(name) ?? '' })),
      }));
    }
    if (req.method !== 'POST' || !route) return void res.writeHead(405).end();
    const decision = new URLSearchParams(await readBody(req, 1_000)).get('decision');
    if (decision !== 'allow') {
      return finish(req, res, details, { error: 'access_denied', error_description: 'The user did not allow access.' }, false);
    }
    const found = details.grantId ? await provider.Grant.find(details.grantId) : undefined;
    const grant = found ?? new provider.Grant({ accountId, clientId });
    const missing = details.prompt.details as { missingOIDCScope?: string[]; missingResourceScopes?: Record<string, string[]> };
    const allowed = [...(missing.missingOIDCScope ?? [])];
    if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
    for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes ?? {})) {
      grant.addResourceScope(indicator, scopes.join(' '));
      allowed.push(...scopes);
    }
    // Recorded before the grant is saved: if the integration was deleted while the page was open,
    // the consent's foreign key refuses it and nothing is left behind. First-party clients need
    // no record: they are granted what they ask for anyway.
    try {
      if (!firstPartyClients.has(clientId)) await consents.allow(accountId, clientId, allowed);
    } catch (error) {
      if (!isForeignKeyViolation(error)) throw error;
      return html(res, 400, renderNoticePage('Sign-in expired', 'This app is no longer registered, so it cannot be allowed. Start again from the app.'));
    }
    const grantId = await grant.save();
    return finish(req, res, details, { consent: { grantId } }, true);
  }

  const publicOrigin = new URL(options.origin);
  const server = createServer((req, res) => {
    secureEveryResponse(res);
    if (!pinToOrigin(req, res, publicOrigin)) return;
    const url = new URL(req.url ?? '/', options.origin);
    const path = url.pathname;
    const route = /^\/interaction\/([^/]+)(?:\/(login|abort|consent))?$/.exec(path);
    const handle = async (): Promise<void> => {
      if (path === ADMIN_BASE || path.startsWith(`${ADMIN_BASE}/`)) {
        if (adminCors(req, res)) return;
        return adminApi(req, res);
      }
      if (path === DEMO_API_BASE || path.startsWith(`${DEMO_API_BASE}/`)) return demoApi(req, res);
      if (route) {
        await allowInteractionRedirect(provider, res, route[1]!);
        return interaction(req, res, route[1]!, route[2]).catch((error: unknown) => signInGone(res, error));
      }
      if (req.method === 'GET' && (path === '/' || path === '/index.html')) {
        if (await serveFile(res, DEMO_DIR, 'index.html', APP_PAGE_HEADERS)) return;
      }
      // The portal's deep links (/admin/integrations/<client_id>) are the portal page too; it reads the address.
      const page = /^\/admin\/integrations\/[^/]+\/?$/.test(path) ? 'admin.html' : { '/admin': 'admin.html', '/react': 'react.html', '/vue': 'vue.html' }[path];
      if (req.method === 'GET' && page && (await serveFile(res, DEMO_DIR, page, APP_PAGE_HEADERS))) return;
      if (req.method === 'GET' && path === '/login.css' && (await serveFile(res, SERVER_ASSETS, 'login.css'))) return;
      if (req.method === 'GET' && path.startsWith('/demo/') && (await serveFile(res, DEMO_DIR, path.slice(6)))) return;
      if (req.method === 'GET' && path.startsWith('/build/') && (await serveFile(res, DEMO_BUILD_DIR, path.slice(7)))) return;
      // Scopes created or deleted through another instance are known here before a sign-in or token request uses them.
      if (SCOPE_CHECKING_PATHS.has(path)) await knownScopes.sync();
      oidc(req, res);
    };
    // Everything this request makes the server store is counted against its client's address.
    withRequestSource(addressKey(req.socket.remoteAddress), () => handle().catch((error: unknown) => answerFailure(res, error)));
  });
  server.on('close', stopSweeping);
  const shutdown = async () => {
    stopSweeping();
    if (ownDatabase) await db.close();
  };
  /** CORS for the admin API: only the configured portal origins; answers preflights itself (true when it did). */
  function adminCors(req: IncomingMessage, res: ServerResponse): boolean {
    const origin = req.headers.origin;
    if (!origin || !options.adminCorsOrigins?.includes(origin)) return false;
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Vary', 'Origin');
    res.setHeader('Access-Control-Expose-Headers', 'WWW-Authenticate, DPoP-Nonce');
    if (req.method !== 'OPTIONS') return false;
    res.writeHead(204, {
      'Access-Control-Allow-Methods': 'GET, POST, PUT, PATCH, DELETE',
      'Access-Control-Allow-Headers': 'Authorization, Content-Type, DPoP',
      'Access-Control-Max-Age': '600',
    });
    res.end();
    return true;
  }

  return { server, provider, db, storage, adminAudience, shutdown };
}

/** The provider's endpoints that check requested scopes against the scopes it knows. */
const SCOPE_CHECKING_PATHS = new Set(['/auth', '/request', '/token']);

/**
 * Keeps the provider's set of known scopes the same as the database's. Scopes are created
 * through the admin API of any instance; the provider refuses an unassociated scope only if
 * it knows it. A cheap signature (count and newest change) is read per sign-in or token
 * request, and the names only when it changed.
 */
class KnownScopes {
  #signature = '';
  #names = new Set<string>();
  constructor(private readonly db: Database, private readonly provider: Provider) {}

  async sync(): Promise<void> {
    const [row] = await this.db.query<{ signature: string }>("select count(*)::text || ':' || coalesce(max(created_at)::text, '') as signature from scopes");
    if (!row || row.signature === this.#signature) return;
    const names = new Set((await this.db.query<{ name: string }>('select name from scopes')).map((r) => r.name));
    for (const name of names) if (!this.#names.has(name)) announceScope(this.provider, name);
    for (const name of this.#names) if (!names.has(name)) forgetScope(this.provider, name);
    this.#names = names;
    this.#signature = row.signature;
  }
}

/** The descriptions of the registered scopes among `names`, for the consent page. */
async function scopeDescriptions(db: Database, names: readonly string[]): Promise<Map<string, string>> {
  const rows = await db.query<{ name: string; description: string }>('select name, description from scopes where name_key = any($1)', [names.map((n) => n.toLowerCase())]);
  return new Map(rows.map((r) => [r.name, r.description]));
}

/** The Client model's storage: integrations are real clients, read from their table; the provider never writes clients. */
function clientAdapter(find: (clientId: string) => Promise<AdapterPayload | undefined>): Adapter {
  return {
    find,
    upsert: async () => undefined,
    destroy: async () => undefined,
    consume: async () => undefined,
    findByUid: async () => undefined,
    findByUserCode: async () => undefined,
    revokeByGrantId: async () => undefined,
  };
}

/** The admin API's DPoP replay guard, in the database: a proof taken by one instance is refused by every other. */
function dpopReplays(db: Database): ReplayGuard {
  return {
    async firstUse(jti, expiresAt) {
      const rows = await db.query(
        `insert into dpop_proofs (jti_hash, expires_at) values ($1, $2)
         on conflict (jti_hash) do update set expires_at = excluded.expires_at where dpop_proofs.expires_at <= now() returning 1`,
        [createHash('sha256').update(jti).digest('base64url'), expiresAt],
      );
      return rows.length > 0;
    },
  };
}

/**
 * An integration's access token as the introspection endpoint would describe it (integrations'
 * tokens are opaque, so the admin console can list and revoke them), read from the store in
 * this process. Like the endpoint, it takes a token only while its grant stands and its
 * integration is active: revoking either stops the token at the next request.
 */
async function introspectLocally(provider: Provider, token: string): Promise<IntrospectionResult> {
  const found = (await provider.AccessToken.find(token)) ?? (await provider.ClientCredentials.find(token));
  if (!found?.clientId || found.isExpired || !(await provider.Client.find(found.clientId))) return { active: false };
  const grantId = 'grantId' in found ? found.grantId : undefined;
  if (typeof grantId === 'string' && !(await provider.Grant.find(grantId))) return { active: false };
  const accountId = 'accountId' in found ? found.accountId : undefined;
  return {
    active: true,
    client_id: found.clientId,
    ...(typeof accountId === 'string' ? { sub: accountId } : {}),
    ...(found.scope ? { scope: found.scope } : {}),
    ...(found.aud ? { aud: found.aud } : {}),
    iss: provider.issuer,
    exp: found.exp,
    ...(found.jkt ? { cnf: { jkt: found.jkt } } : {}),
  };
}

/** What the OpenID Connect scopes mean to the person on the consent page. */
const STANDARD_SCOPE_DESCRIPTIONS: Record<string, string> = {
  openid: 'Know who you are',
  profile: 'Your name',
  email: 'Your e-mail address',
  offline_access: 'Keep access while you are away (refresh tokens)',
};

type InteractionDetails = Awaited<ReturnType<Provider['interactionDetails']>>;
type InteractionResults = Parameters<Provider['interactionFinished']>[2];

/** A first-party public client of the demo pages. */
function demoClient(clientId: string, origin: string): ClientMetadata {
  const pages = [`${origin}/`, `${origin}/admin`, `${origin}/react`, `${origin}/vue`];
  return {
    client_id: clientId,
    client_name: 'grantkit demo',
    token_endpoint_auth_method: 'none',
    application_type: 'web',
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    redirect_uris: pages,
    post_logout_redirect_uris: pages,
    scope: `openid offline_access profile email roles ${ADMIN_API_SCOPE}`,
  };
}

/**
 * A sign-in whose interaction cookie is missing or expired (a bookmarked or replayed form,
 * a second tab): the provider throws SessionNotFound, and only the app can start a new one.
 */
function signInGone(res: ServerResponse, error: unknown): void {
  if (!(error instanceof errors.SessionNotFound)) throw error;
  html(res, 400, renderNoticePage('Sign-in expired', 'This sign-in is no longer valid, start again from the app.'));
}

function html(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(body);
}
