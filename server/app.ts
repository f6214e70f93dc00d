import { createPrivateKey, generateKeyPairSync, randomBytes, type JsonWebKey, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import type Provider from 'oidc-provider';
import type { AdapterPayload, ClientMetadata } from 'oidc-provider';
import { authenticate, DEMO_ACCOUNTS } from './accounts.js';
import { ADMIN_BASE, createAdminApi } from './admin/api.js';
import { createAuthenticator } from './admin/auth.js';
import { seedData } from './admin/seed.js';
import { secretMatches, Store } from './admin/store.js';
import { renderLoginPage } from './login-page.js';
import { TokenMemory } from './oidc/adapter.js';
import { ADMIN_API_SCOPE, announceScope, createProvider, forgetScope } from './provider.js';
import { seedTokens } from './oidc/seed-tokens.js';
import { serveFile } from './static-files.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DEMO_DIR = `${ROOT}demo`;
const DEMO_BUILD_DIR = `${ROOT}build/demo`;
const SERVER_ASSETS = `${ROOT}server/assets`;
const ADMIN_DOCUMENT = `${ROOT}docs/admin-api.yaml`;

/** The demo pages run under a strict policy: no inline script or style, Trusted Types enforced. */
const PAGE_SECURITY_HEADERS = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
    "frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'; require-trusted-types-for 'script'",
  'Referrer-Policy': 'no-referrer',
};
/**
 * The app page may open popups and keep a handle on them. The login page gets no COOP:
 * a popup that lands on a page with another opener policy is moved to a new browsing
 * context group, and the opening app then sees it as closed.
 */
const APP_PAGE_HEADERS = { ...PAGE_SECURITY_HEADERS, 'Cross-Origin-Opener-Policy': 'same-origin-allow-popups' };

/** Access tokens that "never expire" still need a number for the provider: ten years. */
const NEVER_EXPIRES_SECONDS = 10 * 365 * 24 * 3600;

export interface AppOptions {
  /** The origin users reach the server at, e.g. http://127.0.0.1:8080. */
  origin: string;
  /** A JSON file to keep the admin state in across restarts; in memory when absent. */
  dataFile?: string;
  /** The RSA key tokens are signed with, when the store holds none yet (tests pass their own to forge tokens). */
  signingKey?: KeyObject;
  adminTokenTtl?: number;
  /** Issue the demo's example tokens on a fresh store. Default true. */
  seedTokens?: boolean;
  /** Other origins whose admin portals may call the admin API from a browser (CORS). Same-origin needs none. */
  adminCorsOrigins?: string[];
}

export interface App {
  server: Server;
  provider: Provider;
  store: Store;
  tokens: TokenMemory;
  adminAudience: string;
}

export async function createApp(options: AppOptions): Promise<App> {
  let seeded = false;
  const store = await Store.open(options.dataFile, () => {
    seeded = true;
    return seedData();
  });
  // With a file store the keys are kept too: tokens signed before a restart stay valid after it.
  if (!store.data.keys) {
    const key = options.signingKey ?? generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    store.data.keys = { signing: key.export({ format: 'jwk' }) as Record<string, unknown>, cookie: randomBytes(32).toString('base64url') };
    await store.save();
  }
  const signingKey = createPrivateKey({ key: store.data.keys.signing as JsonWebKey, format: 'jwk' });
  const tokens: TokenMemory = new TokenMemory(store.data.oidc, () => {
    if (!store.persistent) return;
    store.data.oidc = tokens.snapshot();
    void store.save();
  });
  const adminAudience = `${options.origin}${ADMIN_BASE}`;
  const integration = (clientId: string) => store.data.integrations.find((i) => i.client_id === clientId);
  // The provider insists on a secret in a confidential client's metadata; the real check
  // is verifyClientSecret below, so this stand-in never authenticates anyone.
  const placeholderSecret = randomBytes(32).toString('base64url');

  const clientFromStore = (clientId: string): AdapterPayload | undefined => {
    const i = integration(clientId);
    if (!i || i.status !== 'active') return undefined;
    return {
      client_id: i.client_id,
      client_name: `${i.client_name} ${i.version}`,
      token_endpoint_auth_method: i.token_endpoint_auth_method,
      ...(i.token_endpoint_auth_method === 'none' ? {} : { client_secret: placeholderSecret }),
      redirect_uris: i.redirect_uris,
      grant_types: i.grant_types,
      response_types: i.grant_types.includes('authorization_code') ? ['code'] : [],
      scope: ['openid', 'profile', 'email', ...(i.refresh_count === 0 ? [] : ['offline_access']), ...i.scopes].join(' '),
    };
  };

  // The API that integrations' scopes (service URLs) belong to unless they name an audience.
  const apiAudience = `${options.origin}/api`;
  const provider = createProvider({
    issuer: options.origin,
    adminAudience,
    defaultResourceFor: (clientId) => {
      const i = integration(clientId);
      return i ? (i.audience ?? apiAudience) : undefined;
    },
    resourceServerFor: (indicator, clientId) => {
      const i = integration(clientId);
      if (!i || indicator !== (i.audience ?? apiAudience)) return undefined;
      return { scope: i.scopes.join(' '), accessTokenTTL: i.access_token_lifetime ?? NEVER_EXPIRES_SECONDS };
    },
    signingKey,
    cookieKeys: [store.data.keys.cookie],
    ...(options.adminTokenTtl ? { adminTokenTtl: options.adminTokenTtl } : {}),
    adapter: (name) => tokens.adapterFor(name, clientFromStore),
    accessTokenTtl: (clientId) => {
      const i = integration(clientId);
      if (!i) return undefined;
      return i.access_token_lifetime ?? NEVER_EXPIRES_SECONDS;
    },
    // A refresh count of 0 means no refresh token at all.
    issuesRefreshTokens: (clientId) => integration(clientId)?.refresh_count !== 0,
    verifyClientSecret: (clientId, secret) => {
      const i = integration(clientId);
      if (!i?.secret) return false;
      if (secretMatches(secret, i.secret)) return true;
      const previous = i.previous_secret;
      return previous !== undefined && previous.expires_at > new Date().toISOString() && secretMatches(secret, previous);
    },
    clients: [
      demoClient('grantkit-demo', options.origin),
      // The demo pages sign in with this one: its tokens are bound to a key in the browser (DPoP, RFC 9449).
      { ...demoClient('grantkit-demo-dpop', options.origin), dpop_bound_access_tokens: true },
    ],
  });
  for (const scope of store.data.scopes) announceScope(provider, scope.name);
  if (seeded && options.seedTokens !== false) await seedTokens(provider, tokens);
  const oidc = provider.callback();

  // Refresh count (webMethods): N refreshes per sign-in, then the refresh token is refused.
  tokens.limitRefreshes((clientId, used) => {
    const limit = integration(clientId)?.refresh_count;
    return limit === null || limit === undefined || used < limit;
  });
  provider.on('grant.success', (ctx) => {
    const grantId = ctx.oidc.entities.RefreshToken?.grantId;
    if (ctx.oidc.params?.grant_type === 'refresh_token' && grantId) tokens.countRefresh(grantId);
  });

  const adminApi = createAdminApi({
    documentFile: ADMIN_DOCUMENT,
    store,
    tokens,
    authenticate: createAuthenticator({ issuer: options.origin, audience: adminAudience, jwksUri: new URL(`${options.origin}/jwks`), store }),
    authority: {
      revokeAllFor: async (clientId) => {
        tokens.revokeClient(clientId);
      },
      scopeInUse: (name) => tokens.scopeInUse(name),
      scopeCreated: (name) => announceScope(provider, name),
      scopeDeleted: (name) => forgetScope(provider, name),
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

  async function interaction(req: IncomingMessage, res: ServerResponse, uid: string, action: string | undefined): Promise<void> {
    const details = await provider.interactionDetails(req, res);
    if (details.uid !== uid) return void res.writeHead(400).end('This sign-in is no longer valid.');
    const client = await provider.Client.find(String(details.params.client_id));
    const clientName = client?.clientName ?? String(details.params.client_id);
    const accounts = DEMO_ACCOUNTS.map((a) => ({ email: a.email, password: a.password, role: a.roles.join(', ') }));

    if (req.method === 'GET' && action === undefined) {
      return html(res, 200, renderLoginPage({ uid, clientName, accounts }));
    }
    if (req.method === 'POST' && action === 'abort') {
      return provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'The user cancelled sign-in.' }, { mergeWithLastSubmission: false });
    }
    if (req.method === 'POST' && action === 'login') {
      const form = new URLSearchParams(await readBody(req, 10_000));
      const login = form.get('login') ?? '';
      const account = authenticate(login, form.get('password') ?? '');
      if (!account) {
        return html(res, 401, renderLoginPage({ uid, clientName, accounts, login, error: 'That e-mail and password do not match a demo account.' }));
      }
      return provider.interactionFinished(req, res, { login: { accountId: account.id } }, { mergeWithLastSubmission: false });
    }
    res.writeHead(405).end();
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', options.origin);
    const path = url.pathname;
    const route = /^\/interaction\/([^/]+)(?:\/(login|abort))?$/.exec(path);
    const handle = async (): Promise<void> => {
      if (path === ADMIN_BASE || path.startsWith(`${ADMIN_BASE}/`)) {
        if (adminCors(req, res)) return;
        return adminApi(req, res);
      }
      if (route) return interaction(req, res, route[1]!, route[2]);
      if (req.method === 'GET' && (path === '/' || path === '/index.html')) {
        if (await serveFile(res, DEMO_DIR, 'index.html', APP_PAGE_HEADERS)) return;
      }
      const page = { '/admin': 'admin.html', '/react': 'react.html', '/vue': 'vue.html' }[path];
      if (req.method === 'GET' && page && (await serveFile(res, DEMO_DIR, page, APP_PAGE_HEADERS))) return;
      if (req.method === 'GET' && path === '/login.css' && (await serveFile(res, SERVER_ASSETS, 'login.css'))) return;
      if (req.method === 'GET' && path.startsWith('/demo/') && (await serveFile(res, DEMO_DIR, path.slice(6)))) return;
      if (req.method === 'GET' && path.startsWith('/build/') && (await serveFile(res, DEMO_BUILD_DIR, path.slice(7)))) return;
      oidc(req, res);
    };
    handle().catch((error: unknown) => {
      console.error(error);
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end('Internal error');
    });
  });
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

  return { server, provider, store, tokens, adminAudience };
}

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

function html(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', ...PAGE_SECURITY_HEADERS });
  res.end(body);
}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
      if (body.length > limit) {
        reject(new Error('request body too large'));
        req.destroy();
      }
    });
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}
