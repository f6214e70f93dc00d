import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import type Provider from 'oidc-provider';
import { authenticate, DEMO_ACCOUNTS } from './accounts.js';
import { renderLoginPage } from './login-page.js';
import { createProvider } from './provider.js';
import { serveFile } from './static-files.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DEMO_DIR = `${ROOT}demo`;
const DEMO_BUILD_DIR = `${ROOT}build/demo`;
const SERVER_ASSETS = `${ROOT}server/assets`;

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

export interface AppOptions {
  /** The origin users reach the server at, e.g. http://127.0.0.1:8080. */
  origin: string;
}

export interface App {
  server: Server;
  provider: Provider;
}

export function createApp(options: AppOptions): App {
  const provider = createProvider({
    issuer: options.origin,
    clients: [
      {
        client_id: 'grantkit-demo',
        client_name: 'grantkit demo',
        token_endpoint_auth_method: 'none',
        application_type: 'web',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: [`${options.origin}/`],
        post_logout_redirect_uris: [`${options.origin}/`],
      },
    ],
  });
  const oidc = provider.callback();

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

  async function whoami(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const found = token ? await provider.AccessToken.find(token) : undefined;
    if (!found || found.isExpired) {
      res.writeHead(401, { 'WWW-Authenticate': 'Bearer error="invalid_token"', 'Content-Type': 'application/json' });
      return void res.end(JSON.stringify({ error: 'invalid_token' }));
    }
    res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
    res.end(JSON.stringify({ sub: found.accountId, client_id: found.clientId, scope: found.scope, expires_at: found.exp }));
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', options.origin);
    const path = url.pathname;
    const route = /^\/interaction\/([^/]+)(?:\/(login|abort))?$/.exec(path);
    const handle = async (): Promise<void> => {
      if (route) return interaction(req, res, route[1]!, route[2]);
      if (path === '/api/whoami') return whoami(req, res);
      if (req.method === 'GET' && (path === '/' || path === '/index.html')) {
        if (await serveFile(res, DEMO_DIR, 'index.html', APP_PAGE_HEADERS)) return;
      }
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
  return { server, provider };
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
