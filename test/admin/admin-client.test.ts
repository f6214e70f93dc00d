import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { AdminApiError, createAdminClient } from '../../src/admin/index.js';
import { createClient } from '../../src/index.js';
import { startWorker, worker } from '../support/msw.js';

const BASE = 'https://id.example.test/admin/v1';

interface Seen {
  method: string;
  url: URL;
  body: string;
  authorization: string | null;
  contentType: string | null;
  cache?: RequestCache;
}

describe('admin client (wire behaviour)', () => {
  let seen: Seen[];

  beforeEach(async () => {
    await startWorker();
    seen = [];
    worker.resetHandlers(
      http.all(`${BASE}/*`, async ({ request }) => {
        const url = new URL(request.url);
        seen.push({ method: request.method, url, body: await request.text(), authorization: request.headers.get('authorization'), contentType: request.headers.get('content-type'), cache: request.cache });
        if (url.pathname.endsWith('/secret')) return HttpResponse.json({ client_id: 'a b', client_secret: 's', client_secret_last4: '1234', previous_secret_expires_at: null });
        if (request.method === 'DELETE') return new HttpResponse(null, { status: 204 });
        return HttpResponse.json({ items: [], next_cursor: null });
      }),
    );
  });

  it('builds paths, queries and JSON bodies from the document, and sends the token through sdk.fetch', async () => {
    const sdk = await createClient({ token: 'pat_test', allowedOrigins: ['https://id.example.test'] });
    const admin = createAdminClient({ baseUrl: `${BASE}/`, fetch: sdk.fetch });
    await admin.listIntegrations({ q: 'erp connector', limit: 5, status: undefined });
    await admin.rotateIntegrationSecret({ client_id: 'a b/c' }, { grace_period_seconds: 60 });
    await admin.rotateIntegrationSecret({ client_id: 'x' });
    await admin.deleteIntegration({ client_id: 'x' });

    expect(seen.map((s) => `${s.method} ${s.url.pathname}${s.url.search}`)).to.deep.equal([
      'GET /admin/v1/integrations?q=erp+connector&limit=5',
      'POST /admin/v1/integrations/a%20b%2Fc/secret',
      'POST /admin/v1/integrations/x/secret',
      'DELETE /admin/v1/integrations/x',
    ]);
    expect(seen[1]!.body).to.equal('{"grace_period_seconds":60}');
    expect(seen[1]!.contentType).to.equal('application/json');
    expect(seen[2]!.body).to.equal('');
    expect(seen.every((s) => s.authorization === 'Bearer pat_test')).to.equal(true);
  });

  it('asks the browser not to cache: concurrent GETs of one URL would otherwise wait for each other in the HTTP cache', async () => {
    // Through sdk.fetch, as the elements call it: it builds one Request from the input and init, keeping the mode.
    const sdk = await createClient({ token: 'pat_test', allowedOrigins: ['https://id.example.test'] });
    const admin = createAdminClient({ baseUrl: BASE, fetch: sdk.fetch });
    await Promise.all([admin.listIntegrations({}), admin.listIntegrations({}), admin.deleteIntegration({ client_id: 'x' })]);
    expect(seen.map((s) => s.cache)).to.deep.equal(['no-store', 'no-store', 'no-store']);
  });

  it('resolves a 204 to undefined', async () => {
    const admin = createAdminClient({ baseUrl: BASE });
    expect(await admin.deleteScope({ scope_name: 'x' })).to.equal(undefined);
  });

  it('turns problem details into an AdminApiError with the code and each refused field', async () => {
    worker.use(
      http.post(`${BASE}/integrations`, () =>
        HttpResponse.json(
          { type: 'urn:grantkit:problem:duplicate_name', title: 'The name is already taken', status: 409, code: 'duplicate_name', detail: 'an integration named "ERP" with version "1" already exists', errors: [{ path: '/body/client_name', message: 'is already used with this version' }] },
          { status: 409, headers: { 'content-type': 'application/problem+json' } },
        ),
      ),
    );
    const admin = createAdminClient({ baseUrl: BASE });
    const error = await admin.createIntegration({ client_name: 'ERP', version: '1', token_endpoint_auth_method: 'none', grant_types: ['client_credentials'] }).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(AdminApiError);
    const e = error as AdminApiError;
    expect([e.code, e.status, e.detail]).to.deep.equal(['duplicate_name', 409, 'an integration named "ERP" with version "1" already exists']);
    expect(e.fieldError('/body/client_name')?.message).to.equal('is already used with this version');
  });

  it('maps answers without problem details by status, and unreachable servers to network_error', async () => {
    const admin = createAdminClient({ baseUrl: BASE });
    worker.use(http.get(`${BASE}/me`, () => new HttpResponse('<h1>Forbidden</h1>', { status: 403 }), { once: true }));
    expect(((await admin.getMe().catch((e: unknown) => e)) as AdminApiError).code).to.equal('forbidden');
    worker.use(http.get(`${BASE}/me`, () => new HttpResponse('oops', { status: 502 }), { once: true }));
    expect(((await admin.getMe().catch((e: unknown) => e)) as AdminApiError).code).to.equal('internal_error');
    worker.use(http.get(`${BASE}/me`, () => HttpResponse.error(), { once: true }));
    const offline = (await admin.getMe().catch((e: unknown) => e)) as AdminApiError;
    expect([offline.code, offline.status]).to.deep.equal(['network_error', 0]);
    worker.use(http.get(`${BASE}/me`, () => new HttpResponse('{"sub":', { headers: { 'content-type': 'application/json' } }), { once: true }));
    expect(((await admin.getMe().catch((e: unknown) => e)) as AdminApiError).code).to.equal('invalid_response');
  });

  it('passes on the core client errors, such as a user who must sign in', async () => {
    const sdk = await createClient({ issuer: 'https://id.example.test', clientId: 'spa', redirectUri: `${location.origin}/cb`, storage: 'memory', allowedOrigins: ['https://id.example.test'] });
    const admin = createAdminClient({ baseUrl: BASE, fetch: sdk.fetch });
    const error = (await admin.getMe().catch((e: unknown) => e)) as { code: string; name: string };
    expect([error.name, error.code]).to.deep.equal(['GrantkitError', 'login_required']);
    sdk.close();
  });

  it('cancels a call through its signal, through sdk.fetch too: the request is aborted and the call rejects with the aborted code', async () => {
    // A server that never answers: only the abort can end the call.
    worker.use(http.get(`${BASE}/integrations/:id`, () => new Promise<never>(() => undefined)));
    const sdk = await createClient({ token: 'pat_test', allowedOrigins: ['https://id.example.test'] });
    for (const admin of [createAdminClient({ baseUrl: BASE }), createAdminClient({ baseUrl: BASE, fetch: sdk.fetch })]) {
      const controller = new AbortController();
      const call = admin.getIntegration({ client_id: 'slow' }, { signal: controller.signal }).catch((e: unknown) => e);
      setTimeout(() => controller.abort(), 20);
      const error = (await call) as AdminApiError;
      expect(error).to.be.instanceOf(AdminApiError);
      expect([error.code, error.status]).to.deep.equal(['aborted', 0]);
    }
    // The options come after the parameters and the body, whichever an operation takes.
    const signals: Array<AbortSignal | null | undefined> = [];
    const spy = createAdminClient({ baseUrl: BASE, fetch: (input, init) => (signals.push(init?.signal), fetch(input, init)) });
    const controller = new AbortController();
    await spy.getMe({ signal: controller.signal });
    await spy.rotateIntegrationSecret({ client_id: 'x' }, { grace_period_seconds: 0 }, { signal: controller.signal });
    await spy.listIntegrations(undefined, { signal: controller.signal });
    for await (const scope of spy.all('listScopes', {}, { signal: controller.signal })) void scope;
    expect(signals).to.deep.equal([controller.signal, controller.signal, controller.signal, controller.signal]);
    expect(seen.at(-3)!.body).to.equal('{"grace_period_seconds":0}');
    sdk.close();
  });

  it('iterates every item of a paged list, fetching a page only when needed', async () => {
    const pages: Record<string, { items: Array<{ name: string }>; next_cursor: string | null }> = {
      '': { items: [{ name: 'a' }, { name: 'b' }], next_cursor: 'c1' },
      c1: { items: [{ name: 'c' }, { name: 'd' }], next_cursor: 'c2' },
      c2: { items: [{ name: 'e' }], next_cursor: null },
    };
    worker.use(http.get(`${BASE}/scopes`, ({ request }) => {
      const url = new URL(request.url);
      seen.push({ method: 'GET', url, body: '', authorization: null, contentType: null });
      return HttpResponse.json(pages[url.searchParams.get('cursor') ?? '']);
    }));
    const admin = createAdminClient({ baseUrl: BASE });
    const names: string[] = [];
    for await (const scope of admin.all('listScopes', { q: 'x' })) {
      names.push(scope.name);
      if (names.length === 3) expect(seen).to.have.length(2);
    }
    expect(names).to.deep.equal(['a', 'b', 'c', 'd', 'e']);
    expect(seen.map((s) => s.url.search)).to.deep.equal(['?q=x', '?q=x&cursor=c1', '?q=x&cursor=c2']);
  });
});

// Compile-time checks of the generated signatures: `npm run typecheck` fails if they drift.
export function typeChecks(admin: ReturnType<typeof createAdminClient>): void {
  void admin.getIntegration({ client_id: 'x' });
  void admin.listIntegrations();
  void admin.createScope({ name: 'x' });
  void admin.updateIntegration({ client_id: 'x' }, { refresh_count: null });
  // @ts-expect-error client_id is required
  void admin.getIntegration({});
  // @ts-expect-error implicit is not a grant the document allows
  void admin.createIntegration({ client_name: 'x', version: '1', token_endpoint_auth_method: 'none', grant_types: ['implicit'] });
  // @ts-expect-error the body needs its required fields
  void admin.createScope({ description: 'no name' });
}
