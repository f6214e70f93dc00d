import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import { createAdminClient, type ConnectedApp } from '../../src/admin/index.js';
import { createClient } from '../../src/index.js';
import { startWorker, worker } from '../../test/support/msw.js';
import '../shared/locales/de.js';
import './define.js';
import type { ConnectedApps } from './connected-apps.js';

interface ReferenceInfo {
  origin: string;
  baseUrl: string;
  adminToken: string;
}

const $ = <T extends Element>(el: ConnectedApps, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const rows = (el: ConnectedApps) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part=row]')];
const loaded = (el: ConnectedApps) => waitUntil(() => $(el, '[part=empty], [part=list], [part=error]') !== null, 'loaded');

describe('<connected-apps> against the reference server', () => {
  it('lists an app the user allowed on the consent page, and removing it ends its refresh token at the server', async () => {
    const info = (await executeServerCommand<ReferenceInfo, undefined>('reference-info'))!;
    const name = `Sheets Export ${Date.now()}`;
    const connected = (await executeServerCommand<{ clientId: string; refreshToken: string }, { name: string }>('reference-connect-app', { name }))!;
    const sdk = await createClient({ token: info.adminToken, allowedOrigins: [info.origin] });
    const admin = createAdminClient({ baseUrl: info.baseUrl, fetch: sdk.fetch });
    const el = await fixture<ConnectedApps>(html`<connected-apps .admin=${admin}></connected-apps>`);
    await loaded(el);
    const row = rows(el).find((r) => r.textContent!.includes(name));
    expect(row, 'the connected app is listed').to.exist;
    expect(row!.textContent).to.contain('2.0');
    expect([...row!.querySelectorAll('[part=scopes] code')].map((c) => c.textContent)).to.include('reports:read');
    expect(row!.textContent).to.contain('last used');
    await expect(el).to.be.accessible();

    const button = row!.querySelector<HTMLButtonElement>('[part=revoke]')!;
    expect(button.getAttribute('aria-label')).to.equal(`Remove access: ${name}`);
    button.focus();
    button.click();
    await waitUntil(() => $<HTMLDialogElement>(el, 'dialog')!.open, 'the confirmation opens');
    expect($(el, 'dialog h2')!.textContent).to.contain(name);
    await expect(el).to.be.accessible();
    const revoked = oneEvent(el, 'grantkit-connected-app-revoked');
    $<HTMLButtonElement>(el, 'dialog button.danger')!.click();
    expect((await revoked).detail).to.deep.equal({ clientId: connected.clientId, name });
    await waitUntil(() => !rows(el).some((r) => r.textContent!.includes(name)), 'the row is gone');
    await waitUntil(() => !$<HTMLDialogElement>(el, 'dialog')!.open, 'the dialog closes');
    await waitUntil(() => el.shadowRoot!.activeElement !== null, 'focus lands in the element (the next row or the empty state), not on <body>');
    await waitUntil(() => el.shadowRoot!.querySelector('[part=notice]')!.textContent === `${name} can no longer act for you.`, 'the change is confirmed');
    expect(el.shadowRoot!.querySelector('[part=notice]')!.getAttribute('role')).to.equal('status');

    const status = await executeServerCommand<number, { clientId: string; refreshToken: string }>('reference-refresh', connected);
    expect(status, "the integration's refresh token is refused").to.equal(400);
  });
});

describe('<connected-apps> states', () => {
  const BASE = 'https://id.example.test/admin/v1';
  const app = (over: Partial<ConnectedApp> = {}): ConnectedApp => ({
    client_id: 'gk_sheets', client_name: 'Sheets Export', version: '1.0', description: 'Exports reports.', scope: 'openid reports:read',
    granted_at: '2026-11-20T10:00:00Z', last_used_at: null, ...over,
  });
  const problem = (status: number, code: string) =>
    HttpResponse.json({ type: `urn:grantkit:problem:${code}`, title: code, status, code }, { status, headers: { 'content-type': 'application/problem+json' } });
  const admin = createAdminClient({ baseUrl: BASE });

  before(() => startWorker());
  afterEach(() => worker.resetHandlers());

  it('says so when the user has allowed no app', async () => {
    worker.use(http.get(`${BASE}/connected-apps`, () => HttpResponse.json({ items: [], next_cursor: null })));
    const el = await fixture<ConnectedApps>(html`<connected-apps .admin=${admin}></connected-apps>`);
    await loaded(el);
    expect($(el, '[part=empty]')!.textContent).to.contain('have not allowed any app');
    await expect(el).to.be.accessible();
  });

  it('shows a load failure with a retry that works', async () => {
    let fail = true;
    worker.use(http.get(`${BASE}/connected-apps`, () => (fail ? problem(500, 'internal_error') : HttpResponse.json({ items: [app()], next_cursor: null }))));
    const el = await fixture<ConnectedApps>(html`<connected-apps .admin=${admin}></connected-apps>`);
    await loaded(el);
    expect($(el, '[part=error]')).to.exist;
    fail = false;
    $<HTMLButtonElement>(el, '[part=error] button')!.click();
    await waitUntil(() => rows(el).length === 1, 'retried');
  });

  it('does not revoke when the request event is cancelled', async () => {
    let deletes = 0;
    worker.use(
      http.get(`${BASE}/connected-apps`, () => HttpResponse.json({ items: [app()], next_cursor: null })),
      http.delete(`${BASE}/connected-apps/:id`, () => {
        deletes++;
        return new HttpResponse(null, { status: 204 });
      }),
    );
    const el = await fixture<ConnectedApps>(html`<connected-apps .admin=${admin}></connected-apps>`);
    await loaded(el);
    el.addEventListener('grantkit-connected-app-revoke-request', (e) => e.preventDefault());
    rows(el)[0]!.querySelector<HTMLButtonElement>('[part=revoke]')!.click();
    await waitUntil(() => $<HTMLDialogElement>(el, 'dialog')!.open);
    $<HTMLButtonElement>(el, 'dialog button.danger')!.click();
    await new Promise((r) => setTimeout(r, 50));
    expect(deletes).to.equal(0);
    expect(rows(el).length).to.equal(1);
  });

  it('keeps the dialog open with a localized message when revoking fails, in German', async () => {
    worker.use(
      http.get(`${BASE}/connected-apps`, () => HttpResponse.json({ items: [app({ last_used_at: '2026-11-25T10:00:00Z' })], next_cursor: null })),
      http.delete(`${BASE}/connected-apps/:id`, () => problem(404, 'not_found')),
    );
    const el = await fixture<ConnectedApps>(html`<div lang="de"><connected-apps .admin=${admin}></connected-apps></div>`).then((d) => d.querySelector('connected-apps')!);
    await loaded(el);
    expect(rows(el)[0]!.textContent).to.contain('zuletzt verwendet');
    rows(el)[0]!.querySelector<HTMLButtonElement>('[part=revoke]')!.click();
    await waitUntil(() => $<HTMLDialogElement>(el, 'dialog')!.open);
    const failed = oneEvent(el, 'grantkit-error');
    $<HTMLButtonElement>(el, 'dialog button.danger')!.click();
    expect((await failed).detail.code).to.equal('not_found');
    await el.updateComplete;
    expect($(el, 'dialog [role=alert]')!.textContent!.length).to.be.greaterThan(0);
    expect($<HTMLDialogElement>(el, 'dialog')!.open).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('renders a hostile name as text and fits 390 px', async () => {
    worker.use(http.get(`${BASE}/connected-apps`, () => HttpResponse.json({ items: [app({ client_name: '<img src=x onerror=alert(1)>', scope: 'a:very:long:scope:name:that:goes:on:and:on reports:read' })], next_cursor: null })));
    const el = await fixture<ConnectedApps>(html`<div style="width: 358px"><connected-apps .admin=${admin}></connected-apps></div>`).then((d) => d.querySelector('connected-apps')!);
    await loaded(el);
    expect($(el, 'img')).to.equal(null);
    expect(rows(el)[0]!.textContent).to.contain('<img src=x');
    expect(el.scrollWidth).to.be.at.most(358);
  });
});
