import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { createAdminClient, type Scope } from '../../src/admin/index.js';
import { startWorker, worker } from '../../test/support/msw.js';
import '../shared/locales/de.js';
import './define.js';
import type { ScopeManager } from './scope-manager.js';

const BASE = 'https://id.example.test/admin/v1';

const scope = (name: string, over: Partial<Scope> = {}): Scope => ({
  name, description: `About ${name}`, service_urls: [`/${name.split(':')[0]}/*`], integration_count: 0, created_at: '2026-11-01T10:00:00Z', updated_at: '2026-11-01T10:00:00Z', ...over,
});

const problem = (status: number, code: string, errors: { path: string; message: string }[] = []) =>
  HttpResponse.json({ type: `urn:grantkit:problem:${code}`, title: code, status, code, errors }, { status, headers: { 'content-type': 'application/problem+json' } });

interface Served {
  requests: string[];
  bodies: unknown[];
}

function serve(options: { permissions?: string[]; scopes?: Scope[]; list?: () => Response; create?: () => Response; remove?: () => Response; associate?: () => Response } = {}): Served {
  const served: Served = { requests: [], bodies: [] };
  const scopes = options.scopes ?? [scope('projects:read', { integration_count: 2 }), scope('<img src=x onerror=alert(1)>', { description: '<script>alert(1)</script>' })];
  worker.resetHandlers(
    http.get(`${BASE}/me`, () => HttpResponse.json({ sub: 'ada', roles: ['admin'], permissions: options.permissions ?? ['scopes:read', 'scopes:write', 'integrations:read', 'integrations:write'], auth: 'access_token' })),
    http.get(`${BASE}/scopes`, () => options.list?.() ?? HttpResponse.json({ items: scopes, next_cursor: null })),
    http.get(`${BASE}/integrations/gk_erp/scopes`, () => HttpResponse.json({ items: [scopes[0]] })),
    http.post(`${BASE}/scopes`, async ({ request }) => {
      const body = (await request.json()) as Record<string, unknown>;
      served.bodies.push(body);
      return options.create?.() ?? HttpResponse.json(scope(String(body.name), body as Partial<Scope>), { status: 201 });
    }),
    http.patch(`${BASE}/scopes/:name`, async ({ request, params }) => {
      const body = (await request.json()) as Record<string, unknown>;
      served.bodies.push(body);
      return HttpResponse.json(scope(String(params.name), body as Partial<Scope>));
    }),
    http.delete(`${BASE}/scopes/:name`, ({ params }) => {
      served.requests.push(`DELETE ${String(params.name)}`);
      return options.remove?.() ?? new HttpResponse(null, { status: 204 });
    }),
    http.all(`${BASE}/integrations/gk_erp/scopes/:name`, ({ request, params }) => {
      served.requests.push(`${request.method} ${String(params.name)}`);
      return options.associate?.() ?? new HttpResponse(null, { status: 204 });
    }),
  );
  return served;
}

const $ = <T extends Element = HTMLElement>(el: ScopeManager, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: ScopeManager, selector: string) => [...el.shadowRoot!.querySelectorAll<T>(selector)];

function type(field: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  field.value = value;
  field.dispatchEvent(new Event('input'));
}

async function show(clientId = ''): Promise<ScopeManager> {
  const el = await fixture<ScopeManager>(html`<scope-manager client-id=${clientId} .admin=${createAdminClient({ baseUrl: BASE })}></scope-manager>`);
  await waitUntil(() => $$(el, '[part=row]').length > 0, 'scopes shown');
  return el;
}

const dialogOpen = (el: ScopeManager) => waitUntil(() => $<HTMLDialogElement>(el, 'dialog')!.open, 'the dialog opens');

describe('<scope-manager>', () => {
  before(async () => {
    await startWorker();
  });

  it('lists scopes with their service URLs and usage; markup in names stays text', async () => {
    serve();
    const el = await show();
    const [first, second] = $$(el, '[part=row]');
    expect(first!.querySelector('[part=name]')!.textContent).to.equal('projects:read');
    expect(first!.querySelector('[part=urls]')!.textContent).to.contain('/projects/*');
    expect(first!.querySelector('[part=usage]')!.textContent).to.equal('Used by 2 integrations');
    expect(second!.querySelector('[part=name]')!.textContent).to.equal('<img src=x onerror=alert(1)>');
    expect(second!.querySelector('img, script')).to.equal(null);
    await waitUntil(() => $(el, '[part=toolbar] button') !== null, 'an admin may create');
    await expect(el).to.be.accessible();
  });

  it('in a phone-wide column, puts the actions under the scope, so its name keeps one line', async () => {
    serve();
    const el = await show();
    el.style.display = 'block';
    el.style.width = '300px';
    await waitUntil(() => $(el, '.row-actions button') !== null, 'an admin sees the actions');
    const row = $$(el, '[part=row]')[0]!;
    const name = row.querySelector('[part=name]')!.getBoundingClientRect();
    const actions = row.querySelector('.row-actions')!.getBoundingClientRect();
    expect(actions.top).to.be.at.least(name.bottom - 1);
    const fontSize = parseFloat(getComputedStyle(row.querySelector('[part=name]')!).fontSize);
    expect(name.height).to.be.below(fontSize * 2, '"projects:read" on one line');
  });

  it('asks first with a cancelable grantkit-scope-association-request: cancelled, nothing changes and the checkbox goes back', async () => {
    const served = serve();
    const el = await show('gk_erp');
    const boxes = () => $$<HTMLInputElement>(el, '[part=allow]');
    await waitUntil(() => boxes().length === 2 && boxes()[0]!.checked, 'associations shown');
    el.addEventListener('grantkit-scope-association-request', (e) => e.preventDefault(), { once: true });
    const asked = oneEvent(el, 'grantkit-scope-association-request');
    boxes()[1]!.click();
    expect((await asked).detail.allowed).to.equal(true);
    await el.updateComplete;
    expect(boxes()[1]!.checked, 'back to what the server has').to.equal(false);
    expect(served.requests).to.deep.equal([]);
  });

  it('creates a scope, checking the name and service URLs first, and shows a taken name on the field', async () => {
    const served = serve({ create: () => problem(409, 'duplicate_name', [{ path: '/body/name', message: 'is already used' }]) });
    const el = await show();
    await waitUntil(() => $(el, '[part=toolbar] button') !== null);
    $<HTMLButtonElement>(el, '[part=toolbar] button')!.click();
    await dialogOpen(el);
    type($<HTMLInputElement>(el, '#scope-name')!, 'has space');
    type($<HTMLTextAreaElement>(el, '#scope-urls')!, '/reports\nreports/*');
    await el.updateComplete;
    $<HTMLButtonElement>(el, 'dialog button[type=submit]')!.click();
    await el.updateComplete;
    expect($(el, '#scope-name-error')!.textContent).to.contain('1 to 64 letters');
    expect($(el, '#scope-urls-error')!.textContent).to.contain('“reports/*” is not a service URL');
    expect(served.bodies).to.deep.equal([]);
    await expect(el).to.be.accessible();

    type($<HTMLInputElement>(el, '#scope-name')!, 'reports:read');
    type($<HTMLTextAreaElement>(el, '#scope-urls')!, '/reports\n/reports/*');
    await el.updateComplete;
    $<HTMLButtonElement>(el, 'dialog button[type=submit]')!.click();
    await waitUntil(() => $(el, '#scope-name-error') !== null, 'the conflict shows on the name');
    expect($(el, '#scope-name-error')!.textContent).to.equal('That name is already taken.');
    expect($<HTMLInputElement>(el, '#scope-name')!.value).to.equal('reports:read', 'what was typed stays');
    expect($<HTMLTextAreaElement>(el, '#scope-urls')!.value).to.equal('/reports\n/reports/*');

    serve();
    const saved = oneEvent(el, 'grantkit-scope-saved');
    $<HTMLButtonElement>(el, 'dialog button[type=submit]')!.click();
    expect((await saved).detail).to.deep.equal({ name: 'reports:read', created: true });
    await waitUntil(() => $$(el, '[part=name]').some((n) => n.textContent === 'reports:read'), 'the new scope is listed');
    expect($<HTMLDialogElement>(el, 'dialog')!.open).to.equal(false);
  });

  it('edits description and service URLs, never the name', async () => {
    const served = serve();
    const el = await show();
    await waitUntil(() => $(el, '[part=edit]') !== null);
    $<HTMLButtonElement>(el, '[part=edit]')!.click();
    await dialogOpen(el);
    expect($(el, '#scope-name')).to.equal(null);
    type($<HTMLTextAreaElement>(el, '#scope-description')!, 'Read projects');
    $<HTMLButtonElement>(el, 'dialog button[type=submit]')!.click();
    await waitUntil(() => served.bodies.length === 1);
    expect(served.bodies[0]).to.deep.equal({ description: 'Read projects', service_urls: ['/projects/*'] });
    await waitUntil(() => $$(el, '.description').some((d) => d.textContent === 'Read projects'), 'the edited row shows the new description');
  });

  it('explains why a scope in use cannot be deleted', async () => {
    const served = serve({ remove: () => problem(409, 'scope_in_use') });
    const el = await show();
    await waitUntil(() => $(el, '[part=delete]') !== null);
    $<HTMLButtonElement>(el, '[part=delete]')!.click();
    await dialogOpen(el);
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, 'dialog button.danger')!.click();
    await waitUntil(() => $(el, 'dialog [role=alert]') !== null, 'the refusal is explained');
    expect($(el, 'dialog [role=alert]')!.textContent).to.contain('It is still allowed for 2 integrations. Remove it from them first.');
    expect($(el, 'dialog button.danger')).to.equal(null, 'no second try that must fail');
    await waitUntil(() => el.shadowRoot!.activeElement?.textContent?.trim() === 'Close', 'focus on Close, not on <body>');
    expect(served.requests).to.deep.equal(['DELETE projects:read']);
    expect($$(el, '[part=row]').length).to.equal(2);
    await expect(el).to.be.accessible();
  });

  it('names the integrations that keep a scope in use, as links when the page says where integrations are shown', async () => {
    const integrations = Array.from({ length: 10 }, (_, n) => ({ client_id: `gk_crm_${n}`, client_name: n === 0 ? '<b>CRM</b> sync' : `CRM ${n}`, version: '2.0' }));
    serve({
      remove: () => HttpResponse.json(
        { type: 'urn:grantkit:problem:scope_in_use', title: 'x', status: 409, code: 'scope_in_use', in_use: { integration_count: 12, integrations, live_tokens: false } },
        { status: 409, headers: { 'content-type': 'application/problem+json' } },
      ),
    });
    const el = await show();
    el.integrationHref = '/admin/integrations/{client_id}';
    await waitUntil(() => $(el, '[part=delete]') !== null);
    $<HTMLButtonElement>(el, '[part=delete]')!.click();
    await dialogOpen(el);
    $<HTMLButtonElement>(el, 'dialog button.danger')!.click();
    await waitUntil(() => $(el, '[part=in-use]') !== null, 'the integrations are named');
    expect($(el, 'dialog [role=alert]')!.textContent, 'the count the server gave, not the older one of the list').to.contain('It is still allowed for 12 integrations.');
    const links = $$<HTMLAnchorElement>(el, '[part=in-use] a');
    expect(links.map((a) => a.textContent)).to.deep.equal(integrations.map((i) => `${i.client_name} ${i.version}`));
    expect(links[3]!.getAttribute('href')).to.equal('/admin/integrations/gk_crm_3');
    expect($(el, '[part=in-use] b'), 'names stay text').to.equal(null);
    expect($(el, '[part=in-use] .more')!.textContent).to.equal('and 2 more');
    await expect(el).to.be.accessible();
    el.integrationHref = '';
    await el.updateComplete;
    expect($$(el, '[part=in-use] a').length, 'named only, without a place to link to').to.equal(0);
    expect($$(el, '[part=in-use] li')[1]!.textContent).to.equal('CRM 1 2.0');
  });

  it('does not trip over an in_use member of the wrong shape', async () => {
    serve({
      remove: () => HttpResponse.json(
        { type: 'urn:x', title: 'x', status: 409, code: 'scope_in_use', in_use: { integration_count: 'many', integrations: [null, 7, { client_id: 'gk_ok', client_name: 'Fine', version: '1' }, { client_id: 3 }] } },
        { status: 409, headers: { 'content-type': 'application/problem+json' } },
      ),
    });
    const el = await show();
    $<HTMLButtonElement>(el, '[part=delete]')!.click();
    await dialogOpen(el);
    $<HTMLButtonElement>(el, 'dialog button.danger')!.click();
    await waitUntil(() => $(el, '[part=in-use]') !== null);
    expect($$(el, '[part=in-use] li').map((li) => li.textContent)).to.deep.equal(['Fine 1']);
    expect($(el, 'dialog [role=alert]')!.textContent).to.contain('It is still allowed for 1 integration.');
  });

  it('allows and takes away scopes for an integration, and puts a checkbox back when that fails', async () => {
    const served = serve();
    const el = await show('gk_erp');
    await waitUntil(() => !$<HTMLInputElement>(el, '[part=allow]')!.disabled, 'an admin may change associations');
    const boxes = () => $$<HTMLInputElement>(el, '[part=allow]');
    expect(boxes().map((b) => b.checked)).to.deep.equal([true, false]);
    expect($$(el, '.note').some((n) => n.textContent!.includes('requested by gk_erp'))).to.equal(true);
    await expect(el).to.be.accessible();

    const changed = oneEvent(el, 'grantkit-scope-association-changed');
    boxes()[0]!.click();
    expect((await changed).detail).to.deep.equal({ clientId: 'gk_erp', name: 'projects:read', allowed: false });
    await waitUntil(() => $$(el, '[part=usage]')[0]!.textContent === 'Used by 1 integration');
    await waitUntil(() => $(el, '[part=notice]')!.textContent === 'projects:read is no longer allowed for this integration.', 'the change is confirmed');

    serve({ associate: () => problem(403, 'forbidden') });
    boxes()[1]!.click();
    await waitUntil(() => $(el, '[part=row] [role=alert]') !== null, 'the failure is shown on the row');
    expect($(el, '[part=row] [role=alert]')!.textContent).to.equal('You need the admin role to do this.');
    expect(boxes()[1]!.checked, 'the checkbox shows what the server has').to.equal(false);
    expect(served.requests).to.deep.equal(['DELETE projects:read']);
  });

  it('is read-only for a viewer, and says the role is needed on a 403', async () => {
    serve({ permissions: ['scopes:read', 'integrations:read'] });
    const el = await show('gk_erp');
    await waitUntil(() => $$(el, '.note').some((n) => n.textContent!.includes('needs the admin role')));
    expect($(el, '[part=edit], [part=delete], [part=toolbar] button')).to.equal(null);
    expect($$<HTMLInputElement>(el, '[part=allow]').every((b) => b.disabled)).to.equal(true);
    await expect(el).to.be.accessible();

    serve({ list: () => problem(403, 'forbidden') });
    await el.reload();
    await waitUntil(() => $(el, '[part=forbidden]') !== null);
    await expect(el).to.be.accessible();
  });

  it('shows an empty state, and speaks German', async () => {
    serve({ scopes: [] });
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="de"><scope-manager .admin=${createAdminClient({ baseUrl: BASE })}></scope-manager></div>`);
    const el = wrapper.firstElementChild as ScopeManager;
    await waitUntil(() => $(el, '[part=empty]') !== null);
    expect($(el, '[part=empty]')!.textContent).to.contain('Es gibt noch keine Scopes.');
    await expect(el).to.be.accessible();
  });
});
