import type { IncomingMessage, ServerResponse } from 'node:http';
import type { JSONWebKeySet } from 'jose';
import { createResourceServer, requestFromNode, ResourceServerError, sendRefusal, type IntrospectionResult, type NonceSource, type ReplayGuard, type ScopeServiceUrls } from '../src/server/index.js';

// The demo API at /api: what an integration's token is for. It is protected by the kit
// (grantkit/server) as any API of a grantkit-compatible server would be: a request is served
// only when one of the token's scopes lists a service URL that covers its path, as the scopes
// page of the console configures them (seeded: projects:read covers /api/projects and below,
// reports:read /api/reports and below).

export const DEMO_API_BASE = '/api';

const PROJECTS = [
  { id: 'p-100', name: 'Gearbox housing', parts: 42 },
  { id: 'p-200', name: 'Pump assembly', parts: 17 },
];
const REPORTS = [{ id: 'usage-2026-11', title: 'Usage, November 2026' }];

export interface DemoApiOptions {
  issuer: string;
  /** The API's resource identifier: the audience integrations' tokens are issued for by default. */
  audience: string;
  jwks: JSONWebKeySet;
  /** What an integration's (opaque) token stands for, looked up in the authorization server's store. */
  introspect: (token: string) => Promise<IntrospectionResult>;
  /** The scope catalogue, read on every request: a change made through any instance holds at once. */
  scopes: () => Promise<readonly ScopeServiceUrls[]>;
  dpopNonces: NonceSource;
  replays: ReplayGuard;
}

export function createDemoApi(options: DemoApiOptions): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const api = createResourceServer({
    issuer: options.issuer,
    audience: options.audience,
    jwks: options.jwks,
    introspection: options.introspect,
    realm: 'grantkit-demo-api',
    scopes: options.scopes,
    dpop: { nonces: options.dpopNonces, replays: options.replays },
  });
  const json = (res: ServerResponse, status: number, body: unknown, headers: Readonly<Record<string, string>> = {}) => {
    res.writeHead(status, { ...headers, 'Content-Type': 'application/json', 'Cache-Control': 'no-store' }).end(JSON.stringify(body));
  };

  return async (req, res) => {
    let principal;
    try {
      principal = await api.verify(requestFromNode(req, options.issuer));
    } catch (error) {
      if (error instanceof ResourceServerError) return sendRefusal(res, error);
      throw error;
    }
    const path = (req.url ?? '/').split('?', 1)[0]!;
    const caller = { subject: principal.subject, client_id: principal.clientId, scopes: principal.scopes };
    const headers = principal.responseHeaders;
    if (req.method !== 'GET') return json(res, 405, { error: 'method_not_allowed' }, { ...headers, Allow: 'GET' });
    if (path === '/api/projects') return json(res, 200, { caller, projects: PROJECTS }, headers);
    if (path === '/api/reports') return json(res, 200, { caller, reports: REPORTS }, headers);
    const project = PROJECTS.find((p) => path === `/api/projects/${p.id}`);
    if (project) return json(res, 200, { caller, project }, headers);
    const report = REPORTS.find((r) => path === `/api/reports/${r.id}`);
    if (report) return json(res, 200, { caller, report }, headers);
    return json(res, 404, { error: 'not_found' }, headers);
  };
}
