import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { createAdminClient, type Integration } from '../../src/admin/index.js';
import { restartWorker, startWorker, worker } from '../../test/support/msw.js';
import '../shared/locales/de.js';
import './define.js';
import type { IntegrationDetails } from './integration-details.js';

const BASE = 'https://id.example.test/admin/v1';
const ISSUER = 'https://id.example.test';

const INTEGRATION: Integration = {
  client_id: 'gk_erp', client_name: 'ERP <b>Connector</b>', version: '1.0', description: 'Books invoices', kind: 'web', token_endpoint_auth_method: 'client_secret_basic',
  client_type: 'confidential', redirect_uris: ['https://erp.example.com/callback'], post_logout_redirect_uris: [], grant_types: ['authorization_code', 'refresh_token'],
  access_token_lifetime: 3600, refresh_count: null, scope: 'projects:read invoices:write', status: 'active', client_secret_last4: 'AbCd',
  client_secret_expires_at: 0, previous_secret_expires_at: null, created_at: '2026-11-01T10:00:00Z', updated_at: '2026-11-01T10:00:00Z',
};

const problem = (status: number, code: string, errors: { path: string; message: string }[] = []) =>
  HttpResponse.json({ type: `urn:grantkit:problem:${code}`, title: code, status, code, errors }, { status, headers: { 'content-type': 'application/problem+json' } });

interface Served {
  patches: Record<string, unknown>[];
  calls: string[];
}

function serve(options: { permissions?: string[]; get?: () => Response; patch?: () => Response; previousUntil?: string; integration?: Partial<Integration> } = {}): Served {
  const served: Served = { patches: [], calls: [] };
  let current: Integration = { ...INTEGRATION, previous_secret_expires_at: options.previousUntil ?? null, ...options.integration };
  worker.resetHandlers(
    http.get(`${BASE}/me`, () => HttpResponse.json({ sub: 'ada', roles: ['admin'], permissions: options.permissions ?? ['integrations:read', 'integrations:write'], auth: 'access_token' })),
    http.get(`${BASE}/integrations/gk_erp`, () => options.get?.() ?? HttpResponse.json(current)),
    http.get(`${BASE}/integrations/gk_erp/endpoints`, () =>
      HttpResponse.json({ issuer: ISSUER, authorization_endpoint: `${ISSUER}/auth`, token_endpoint: `${ISSUER}/token`, revocation_endpoint: `${ISSUER}/token/revocation` })),
    http.patch(`${BASE}/integrations/gk_erp`, async ({ request }) => {
      const body = (await request.json()) as Record<string, unknown>;
      served.patches.push(body);
      if (options.patch) return options.patch();
      current = { ...current, ...body } as Integration;
      return HttpResponse.json(current);
    }),
    http.post(`${BASE}/integrations/gk_erp/:action`, ({ params }) => {
      served.calls.push(`POST ${String(params.action)}`);
      current = { ...current, status: params.action === 'deactivate' ? 'inactive' : 'active' };
      return HttpResponse.json(current);
    }),
    http.delete(`${BASE}/integrations/gk_erp/secret/previous`, () => {
      served.calls.push('DELETE secret/previous');
      current = { ...current, previous_secret_expires_at: null };
      return HttpResponse.json(current);
    }),
    http.delete(`${BASE}/integrations/gk_erp`, () => {
      served.calls.push('DELETE');
      return new HttpResponse(null, { status: 204 });
    }),
  );
  return served;
}

const $ = <T extends Element = HTMLElement>(el: IntegrationDetails, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: IntegrationDetails, selector: string) => [...el.shadowRoot!.querySelectorAll<T>(selector)];

function type(field: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  field.value = value;
  field.dispatchEvent(new Event('input'));
}

async function show(admin = createAdminClient({ baseUrl: BASE })): Promise<IntegrationDetails> {
  const el = await fixture<IntegrationDetails>(html`<integration-details client-id="gk_erp" .admin=${admin}></integration-details>`);
  await waitUntil(() => $(el, '[part~=form], [part~=summary]') !== null, 'the integration is shown');
  return el;
}

const canEdit = (el: IntegrationDetails) => waitUntil(() => $(el, 'button[type=submit]') !== null, 'an admin may edit');

/** As React does it: connected first (with nothing to load), then given its client-id; the caller removes it. */
function attachThenChoose(): IntegrationDetails {
  const el = document.createElement('integration-details');
  el.admin = createAdminClient({ baseUrl: BASE });
  document.body.append(el);
  el.clientId = 'gk_erp';
  return el;
}

describe('<integration-details>', () => {
  before(async () => {
    await startWorker();
  });

  it('shows a skeleton, then the client ID and endpoints with copy buttons, the masked secret and the scopes; names stay text', async () => {
    let answer!: () => void;
    const gate = new Promise<void>((resolve) => (answer = resolve));
    serve();
    worker.use(http.get(`${BASE}/integrations/gk_erp`, async () => {
      await gate;
      return HttpResponse.json(INTEGRATION);
    }));
    const el = await fixture<IntegrationDetails>(html`<integration-details client-id="gk_erp" .admin=${createAdminClient({ baseUrl: BASE })}></integration-details>`);
    await waitUntil(() => $(el, '.skeleton') !== null, 'loading skeleton');
    expect($(el, '[aria-busy=true]')!.textContent).to.contain('Loading integration');
    await expect(el).to.be.accessible();
    answer();
    await waitUntil(() => $(el, '[part~=form]') !== null);
    const fields = Object.fromEntries($$<HTMLInputElement>(el, '[part~=field]').map((f) => [f.id, f.value]));
    expect(fields).to.deep.equal({
      'client-id': 'gk_erp', issuer: ISSUER, authorization: `${ISSUER}/auth`, token: `${ISSUER}/token`, revocation: `${ISSUER}/token/revocation`,
    });
    expect($$(el, '[part~=copy]').map((b) => b.getAttribute('aria-label'))).to.deep.equal([
      'Copy Client ID', 'Copy Issuer', 'Copy Authorization URL', 'Copy Access token URL', 'Copy Revocation URL',
    ]);
    expect($(el, '.masked')!.textContent).to.equal('•••• AbCd');
    expect($(el, '[part~=header] h2')!.textContent).to.contain('ERP <b>Connector</b>');
    expect($(el, '[part~=header] b')).to.equal(null);
    expect($$(el, '[part~=scopes] li').map((li) => li.textContent)).to.deep.equal(['projects:read', 'invoices:write']);
    await canEdit(el);
    await expect(el).to.be.accessible();
  });

  it('a quick change of client-id cancels the first integration\'s requests and shows only the second', async () => {
    serve();
    worker.use(
      http.get(`${BASE}/integrations/gk_slow`, () => new Promise<never>(() => undefined)),
      http.get(`${BASE}/integrations/gk_slow/endpoints`, () => new Promise<never>(() => undefined)),
    );
    const seen: Array<{ url: string; signal: AbortSignal }> = [];
    const admin = createAdminClient({ baseUrl: BASE, fetch: (input, init) => (init?.signal && seen.push({ url: String(input), signal: init.signal }), fetch(input, init)) });
    const errors: Event[] = [];
    const el = await fixture<IntegrationDetails>(html`<integration-details client-id="gk_slow" .admin=${admin} @grantkit-error=${(e: Event) => errors.push(e)}></integration-details>`);
    await waitUntil(() => seen.filter((r) => r.url.includes('gk_slow')).length === 2);
    el.clientId = 'gk_erp';
    await waitUntil(() => $(el, '[part~=form]') !== null, 'the second integration');
    expect(seen.filter((r) => r.url.includes('gk_slow')).every((r) => r.signal.aborted), 'both requests for the first are canceled').to.equal(true);
    expect($(el, '[part~=header] h2')!.textContent).to.contain('ERP');
    expect(errors).to.have.length(0);
  });

  it('cancels the load in flight when nothing is chosen any more, and shows the placeholder', async () => {
    serve();
    let answer!: () => void;
    const gate = new Promise<void>((resolve) => (answer = resolve));
    worker.use(http.get(`${BASE}/integrations/gk_erp`, async () => (await gate, HttpResponse.json(INTEGRATION))));
    const signals: AbortSignal[] = [];
    const admin = createAdminClient({ baseUrl: BASE, fetch: (input, init) => (init?.signal && String(input).includes('gk_erp') && signals.push(init.signal), fetch(input, init)) });
    const el = await fixture<IntegrationDetails>(html`<integration-details client-id="gk_erp" .admin=${admin}></integration-details>`);
    await waitUntil(() => signals.length === 2);
    el.clientId = '';
    await waitUntil(() => $(el, '[part~=placeholder]') !== null);
    expect(signals.every((s) => s.aborted), 'the requests for the integration no longer chosen are canceled').to.equal(true);
    answer();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect($(el, '[part~=placeholder]'), 'its late answer does not replace the placeholder').to.not.equal(null);
    expect($(el, '[part~=header]')).to.equal(null);
  });

  it('says "Copied" for a moment, then "Copy" again, without the field beside it moving', async () => {
    serve();
    const el = await show();
    const original = Object.getOwnPropertyDescriptor(navigator, 'clipboard');
    const written: string[] = [];
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (text: string) => void written.push(text) } });
    try {
      const button = $<HTMLButtonElement>(el, '[part~=copy]')!;
      const field = $<HTMLInputElement>(el, '[part~=field]')!;
      const shown = () => [...button.querySelectorAll('span')].filter((s) => getComputedStyle(s).visibility !== 'hidden').map((s) => s.textContent);
      const before = { button: button.getBoundingClientRect().width, field: field.getBoundingClientRect().width };
      expect(shown()).to.deep.equal(['Copy']);
      button.click();
      await waitUntil(() => shown()[0] === 'Copied', 'the button says it copied');
      expect(written).to.deep.equal(['gk_erp']);
      expect(button.getBoundingClientRect().width).to.equal(before.button);
      expect(field.getBoundingClientRect().width).to.equal(before.field);
      await waitUntil(() => shown()[0] === 'Copy', 'and then "Copy" again', { timeout: 5000 });
    } finally {
      if (original) Object.defineProperty(navigator, 'clipboard', original);
      else delete (navigator as { clipboard?: unknown }).clipboard;
    }
  });

  it('checks callback URLs before saving, and saves only what changed', async () => {
    const served = serve();
    const el = await show();
    await canEdit(el);
    const save = $<HTMLButtonElement>(el, 'button[type=submit]')!;
    expect(save.disabled, 'nothing to save yet').to.equal(true);
    $<HTMLButtonElement>(el, 'button.add')!.click();
    await el.updateComplete;
    const rows = () => $$<HTMLInputElement>(el, '[part~=redirect] input');
    expect(el.shadowRoot!.activeElement).to.equal(rows()[1], 'the new row takes focus');
    type(rows()[1]!, 'http://erp.example.com/cb#frag');
    await el.updateComplete;
    save.click();
    await el.updateComplete;
    expect($(el, '#redirect-1-error')!.textContent).to.contain('is not allowed');
    expect(rows()[1]!.getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();
    type(rows()[1]!, 'https://erp.example.com/callback');
    await el.updateComplete;
    save.click();
    await el.updateComplete;
    expect($(el, '#redirect-1-error')!.textContent).to.equal('This callback URL is listed twice.');
    type(rows()[1]!, 'http://localhost:8080/callback');
    $<HTMLInputElement>(el, 'input[name=refresh]:not(:checked)')!.click(); // "At most N times"
    await el.updateComplete;
    expect(served.patches).to.deep.equal([], 'nothing is sent while something is wrong');
    const updated = oneEvent(el, 'grantkit-integration-updated');
    save.click();
    await updated;
    expect(served.patches).to.deep.equal([{ redirect_uris: ['https://erp.example.com/callback', 'http://localhost:8080/callback'], refresh_count: 10 }]);
    await waitUntil(() => $(el, '[part~=actions] [role=status]')!.textContent === 'Changes saved.');
    expect(save.disabled).to.equal(true);
  });

  it('holds a native app\'s callback URLs to the native forms: its own scheme and a loopback IP, not localhost', async () => {
    const served = serve({ integration: {
      kind: 'native', token_endpoint_auth_method: 'none', client_type: 'public', client_secret_last4: null, redirect_uris: ['com.example.erp:/oauth/callback'],
    } });
    const el = await show();
    await canEdit(el);
    expect($$(el, '[part~=badge]').map((b) => b.textContent)).to.deep.equal(['Active', 'Native app', 'Public']);
    expect($(el, '#redirects-hint')!.textContent).to.contain('any port');
    const code = $$<HTMLInputElement>(el, 'input[type=checkbox]').find((c) => c.parentElement!.textContent!.includes('Authorization code'))!;
    expect([code.checked, code.disabled], 'a native app signs users in: the code grant is not optional').to.deep.equal([true, true]);
    $<HTMLButtonElement>(el, 'button.add')!.click();
    await el.updateComplete;
    const rows = () => $$<HTMLInputElement>(el, '[part~=redirect] input');
    type(rows()[1]!, 'http://localhost:8080/callback');
    await el.updateComplete;
    const save = $<HTMLButtonElement>(el, 'button[type=submit]')!;
    save.click();
    await el.updateComplete;
    expect($(el, '#redirect-1-error')!.textContent).to.contain('not allowed for a native app');
    expect(served.patches).to.deep.equal([]);
    type(rows()[1]!, 'http://127.0.0.1/callback');
    await el.updateComplete;
    const updated = oneEvent(el, 'grantkit-integration-updated');
    save.click();
    await updated;
    expect(served.patches).to.deep.equal([{ redirect_uris: ['com.example.erp:/oauth/callback', 'http://127.0.0.1/callback'] }]);
  });

  it('edits the allowed logout URLs as the callback URLs are edited, and saves only them', async () => {
    const served = serve({ integration: { post_logout_redirect_uris: ['https://erp.example.com/signed-out'] } });
    const el = await show();
    await canEdit(el);
    const logout = () => $$<HTMLInputElement>(el, '[part~=logout-url] input');
    expect(logout().map((i) => i.value)).to.deep.equal(['https://erp.example.com/signed-out']);
    $<HTMLButtonElement>(el, 'button.add-logout')!.click();
    await el.updateComplete;
    type(logout()[1]!, 'https://erp.example.com/signed-out');
    await el.updateComplete;
    $<HTMLButtonElement>(el, 'button[type=submit]')!.click();
    await el.updateComplete;
    expect($(el, '#logout-1-error')!.textContent).to.equal('This logout URL is listed twice.');
    expect(el.shadowRoot!.activeElement === logout()[1], 'focus goes to it').to.equal(true);
    type(logout()[1]!, 'https://erp.example.com/bye');
    await el.updateComplete;
    const updated = oneEvent(el, 'grantkit-integration-updated');
    $<HTMLButtonElement>(el, 'button[type=submit]')!.click();
    await updated;
    expect(served.patches).to.deep.equal([{ post_logout_redirect_uris: ['https://erp.example.com/signed-out', 'https://erp.example.com/bye'] }]);
    await expect(el).to.be.accessible();
  });

  it('changes a single-page app into a native app, offering no kind of the other client type, and holds its callbacks to the new kind', async () => {
    const served = serve({ integration: {
      kind: 'single_page', token_endpoint_auth_method: 'none', client_type: 'public', client_secret_last4: null, redirect_uris: ['http://localhost:5173/callback'],
    } });
    const el = await show();
    await canEdit(el);
    const kind = $<HTMLSelectElement>(el, '#kind')!;
    expect([...kind.options].map((o) => o.textContent)).to.deep.equal(['Single-page app', 'Native app']);
    kind.value = 'native';
    kind.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect($(el, '#redirects-hint')!.textContent).to.contain('any port');
    $<HTMLButtonElement>(el, 'button[type=submit]')!.click();
    await el.updateComplete;
    expect($(el, '#redirect-0-error')!.textContent, 'localhost is no native callback').to.contain('not allowed for a native app');
    expect(served.patches).to.deep.equal([]);
    type($$<HTMLInputElement>(el, '[part~=redirect] input')[0]!, 'http://127.0.0.1/callback');
    await el.updateComplete;
    const updated = oneEvent(el, 'grantkit-integration-updated');
    $<HTMLButtonElement>(el, 'button[type=submit]')!.click();
    await updated;
    expect(served.patches).to.deep.equal([{ kind: 'native', redirect_uris: ['http://127.0.0.1/callback'] }]);
    await waitUntil(() => $$(el, '[part~=badge]').some((b) => b.textContent === 'Native app'), 'the badge follows');
    await expect(el).to.be.accessible();
  });

  it('makes a web application a service: its callback URLs are dropped with the code grant, not left for the server to refuse out of sight', async () => {
    const served = serve();
    const el = await show();
    await canEdit(el);
    const kind = $<HTMLSelectElement>(el, '#kind')!;
    expect([...kind.options].map((o) => o.textContent)).to.deep.equal(['Web application', 'Service']);
    kind.value = 'service';
    kind.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect($(el, '[part~=redirect]') === null, 'a service shows no callback URLs').to.equal(true);
    const updated = oneEvent(el, 'grantkit-integration-updated');
    $<HTMLButtonElement>(el, 'button[type=submit]')!.click();
    await updated;
    expect(served.patches).to.deep.equal([{ kind: 'service', redirect_uris: [], grant_types: ['client_credentials'] }]);
  });

  it('shows a service without callback URLs or refresh tokens, and its one grant as text', async () => {
    serve({ integration: { kind: 'service', redirect_uris: [], grant_types: ['client_credentials'], refresh_count: 0 } });
    const el = await show();
    await canEdit(el);
    expect($(el, '[part~=redirect]') === null && $(el, 'button.add') === null, 'no callback URLs').to.equal(true);
    expect($(el, 'input[name=refresh]') === null, 'no refresh count').to.equal(true);
    expect($(el, '[part=grant]')!.textContent).to.contain('Client credentials');
    expect($<HTMLButtonElement>(el, 'button[type=submit]')!.disabled, 'and nothing changed by showing it').to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('takes pasted lines as a row each, and puts a refusal of the server beside the row it means, past blank rows', async () => {
    serve({ patch: () => problem(400, 'validation_failed', [{ path: '/body/redirect_uris/1', message: 'bad' }]) });
    const el = await show();
    await canEdit(el);
    const rows = () => $$<HTMLInputElement>(el, '[part~=redirect] input');
    $<HTMLButtonElement>(el, 'button.add')!.click();
    await el.updateComplete;
    const data = new DataTransfer();
    data.setData('text', 'https://a.example.com/cb\r\n\nhttps://b.example.com/cb\n');
    rows()[1]!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    await el.updateComplete;
    expect(rows().map((r) => r.value)).to.deep.equal(['https://erp.example.com/callback', 'https://a.example.com/cb', 'https://b.example.com/cb']);
    expect(el.shadowRoot!.activeElement, 'focus on the last pasted row').to.equal(rows()[2]);
    // A blank row between them: the server counts the URLs sent, the screen counts rows.
    $<HTMLButtonElement>(el, 'button.add')!.click();
    await el.updateComplete;
    type(rows()[3]!, rows()[2]!.value);
    type(rows()[2]!, '');
    await el.updateComplete;
    const failed = oneEvent(el, 'grantkit-error');
    $<HTMLButtonElement>(el, 'button[type=submit]')!.click();
    await failed;
    await waitUntil(() => $(el, '#redirect-1-error') !== null, 'the second URL sent is the second row');
    expect($(el, '#redirect-2-error'), 'not the blank row').to.equal(null);
    await waitUntil(() => el.shadowRoot!.activeElement === rows()[1], 'focus on the refused row');
  });

  it('keeps what was typed when the server refuses, and shows the refusal beside the field', async () => {
    const served = serve({ patch: () => problem(400, 'validation_failed', [{ path: '/body/audience', message: 'must match format "uri"' }]) });
    const el = await show();
    await canEdit(el);
    type($<HTMLInputElement>(el, '#audience')!, 'urn:example:api');
    type($<HTMLTextAreaElement>(el, '#description')!, 'Books invoices nightly');
    await el.updateComplete;
    const failed = oneEvent(el, 'grantkit-error');
    $<HTMLButtonElement>(el, 'button[type=submit]')!.click();
    expect((await failed).detail.code).to.equal('validation_failed');
    await el.updateComplete;
    expect(served.patches).to.deep.equal([{ description: 'Books invoices nightly', audience: 'urn:example:api' }]);
    expect($(el, '#audience-error')!.textContent).to.equal('This value is not accepted.');
    expect($<HTMLInputElement>(el, '#audience')!.value).to.equal('urn:example:api');
    expect($<HTMLTextAreaElement>(el, '#description')!.value).to.equal('Books invoices nightly');
    await expect(el).to.be.accessible();
  });

  it('renders read-only for a viewer: no save, rotate, end of grace period, deactivate or delete', async () => {
    serve({ permissions: ['integrations:read'], previousUntil: new Date(Date.now() + 3_600_000).toISOString() });
    const el = await show();
    await waitUntil(() => $$(el, '.note').some((n) => n.textContent!.includes('needs the admin role')), 'read-only note');
    // Text, not a form whose fields look editable and are not.
    expect($(el, '[part~=form]')).to.equal(null);
    expect($$(el, 'input:not([readonly]), textarea, select').length, 'no field to type in').to.equal(0);
    // Each value as read aloud: list items one by one, joined with " | ".
    const read = (dd: Element) => (dd.querySelector('ul') ? [...dd.querySelectorAll('li')].map((li) => li.textContent).join(' | ') : dd.textContent!.trim());
    const summary = Object.fromEntries($$(el, '[part~=summary] > div').map((d) => [d.querySelector('dt')!.textContent, read(d.querySelector('dd')!)]));
    expect(summary).to.deep.equal({
      Kind: 'Web application',
      Description: 'Books invoices',
      'Callback URLs': 'https://erp.example.com/callback',
      'Allowed logout URLs': 'No logout URLs: after signing out, people stay on the sign-in service.',
      'Allowed grants': 'Authorization code (users sign in) | Refresh token',
      'Access tokens expire after (seconds)': '3600 seconds',
      'Refresh count': 'Unlimited',
      Audience: 'This server’s default API',
    });
    expect($$(el, '[part~=scopes] li').map((li) => li.textContent)).to.deep.equal(['projects:read', 'invoices:write']);
    for (const part of ['button[type=submit]', '[part~=rotate]', '[part~=end-grace]', '[part~=status-action]', '[part~=delete]', 'button.add']) expect($(el, part), part).to.equal(null);
    expect($$(el, '[part~=copy]').length, 'copying stays possible').to.equal(5);
    await expect(el).to.be.accessible();
  });

  it('shows a secretless integration\'s signing keys instead of a secret, with nothing to rotate', async () => {
    serve({ get: () => HttpResponse.json({ ...INTEGRATION, token_endpoint_auth_method: 'private_key_jwt', client_secret_last4: null }) });
    worker.use(http.get(`${BASE}/integrations/gk_erp/keys`, () => HttpResponse.json({ items: [{
      kid: 'deploy-1', kty: 'EC', alg: 'ES256', crv: 'P-256', key_size: 256, thumbprint: 'tp-1', jwk: { kty: 'EC', crv: 'P-256', x: 'x', y: 'y' }, created_at: '2026-11-20T10:00:00Z',
    }] })));
    const el = await show();
    await canEdit(el);
    expect($(el, '.secret')!.textContent).to.contain('No shared secret');
    expect($(el, '[part~=rotate]')).to.equal(null);
    const keys = $(el, 'integration-keys')!;
    expect(keys.getAttribute('client-id')).to.equal('gk_erp');
    await waitUntil(() => keys.shadowRoot!.querySelectorAll('[part=row]').length === 1, 'its keys are listed');
    expect(keys.shadowRoot!.querySelector('[part=row]')!.textContent).to.contain('deploy-1');
    await expect(el).to.be.accessible();
  });

  it('says that the admin role is needed when the server answers 403, and offers a retry after other failures', async () => {
    serve({ get: () => problem(403, 'forbidden') });
    const el = await fixture<IntegrationDetails>(html`<integration-details client-id="gk_erp" .admin=${createAdminClient({ baseUrl: BASE })}></integration-details>`);
    await waitUntil(() => $(el, '[part=forbidden]') !== null, 'forbidden state');
    expect($(el, '[part=forbidden]')!.textContent).to.contain('You need the admin role');
    expect($(el, '[part=forbidden] button')).to.equal(null);
    await expect(el).to.be.accessible();

    let fail = true;
    serve({ get: () => (fail ? problem(503, 'internal_error') : HttpResponse.json(INTEGRATION)) });
    el.reload();
    await waitUntil(() => $(el, '[part=error] button') !== null, 'error state with retry');
    await expect(el).to.be.accessible();
    fail = false;
    $<HTMLButtonElement>(el, '[part=error] button')!.click();
    await waitUntil(() => $(el, '[part~=form]') !== null, 'retry loads it');
  });

  it('deactivates after confirmation and activates again', async () => {
    const served = serve();
    const el = await show();
    await canEdit(el);
    $<HTMLButtonElement>(el, '[part~=status-action]')!.click();
    await waitUntil(() => $<HTMLDialogElement>(el, 'dialog[part=dialog]')!.open);
    expect(served.calls).to.deep.equal([]);
    expect($(el, '#confirm-description')!.textContent).to.contain('every token issued to it stops working');
    await expect(el).to.be.accessible();
    const changed = oneEvent(el, 'grantkit-integration-status-changed');
    $<HTMLButtonElement>(el, 'dialog button.danger')!.click();
    expect((await changed).detail).to.deep.equal({ clientId: 'gk_erp', status: 'inactive' });
    await waitUntil(() => $(el, '[part~=badge-inactive]') !== null);
    await waitUntil(() => /^ERP .* deactivated: it gets no tokens, and its earlier ones were revoked\.$/.test($(el, '[part=notice]')!.textContent!), 'deactivation is confirmed');
    $<HTMLButtonElement>(el, '[part~=status-action]')!.click();
    await waitUntil(() => $(el, '[part~=badge-active]') !== null);
    await waitUntil(() => /is active again\.$/.test($(el, '[part=notice]')!.textContent!), 'activation is confirmed');
    el.clientId = '';
    await el.updateComplete;
    expect($(el, '[part=notice]')!.textContent, 'the confirmation goes with the integration it was about').to.equal('');
    expect(served.calls).to.deep.equal(['POST deactivate', 'POST activate']);
  });

  it('asks first with cancelable request events: nothing is saved, deactivated or deleted when they are cancelled', async () => {
    const served = serve();
    const el = await show();
    await canEdit(el);
    const cancel = (e: Event) => e.preventDefault();
    for (const type of ['grantkit-integration-update-request', 'grantkit-integration-status-request', 'grantkit-integration-delete-request'] as const) el.addEventListener(type, cancel);
    const seen: string[] = [];
    for (const type of ['grantkit-integration-update-request', 'grantkit-integration-status-request', 'grantkit-integration-delete-request'] as const) {
      el.addEventListener(type, (e) => seen.push(`${type} ${JSON.stringify(e.detail)}`));
    }
    type($<HTMLTextAreaElement>(el, '#description')!, 'Changed');
    await el.updateComplete;
    $<HTMLButtonElement>(el, 'button[type=submit]')!.click();
    $<HTMLButtonElement>(el, '[part~=status-action]')!.click();
    await waitUntil(() => $<HTMLDialogElement>(el, 'dialog[part=dialog]')!.open);
    $<HTMLButtonElement>(el, 'dialog button.danger')!.click();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(seen).to.deep.equal([
      'grantkit-integration-update-request {"clientId":"gk_erp","changes":{"description":"Changed"}}',
      'grantkit-integration-status-request {"clientId":"gk_erp","status":"inactive"}',
    ]);
    expect(served.patches).to.deep.equal([]);
    expect(served.calls).to.deep.equal([]);
    expect(el.hasUnsavedChanges, 'what was typed stays').to.equal(true);
  });

  it('shows until when a rotated-out secret works, and ends its grace period after confirmation, unless the request event is cancelled', async () => {
    const until = new Date(Date.now() + 86_400_000).toISOString();
    const served = serve({ previousUntil: until });
    const el = await show();
    await canEdit(el);
    expect($(el, '.previous')!.textContent).to.equal(`The previous secret keeps working until ${new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(until))}.`);
    expect($(el, 'rotate-secret-dialog')!.getAttribute('previous-secret-expires-at'), 'the rotate dialog can warn that rotating again ends it').to.equal(until);

    const refuse = (e: Event) => e.preventDefault();
    el.addEventListener('grantkit-grace-period-end-request', refuse);
    $<HTMLButtonElement>(el, '[part~=end-grace]')!.focus();
    $<HTMLButtonElement>(el, '[part~=end-grace]')!.click();
    await waitUntil(() => $<HTMLDialogElement>(el, 'dialog[part=dialog]')!.open);
    expect($(el, '#confirm-title')!.textContent).to.equal('End the grace period now?');
    expect($(el, '#confirm-description')!.textContent).to.contain('stop working at once');
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, 'dialog button.danger')!.click();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(served.calls, 'cancelled: nothing sent').to.deep.equal([]);

    el.removeEventListener('grantkit-grace-period-end-request', refuse);
    const ended = oneEvent(el, 'grantkit-grace-period-ended');
    $<HTMLButtonElement>(el, 'dialog button.danger')!.click();
    expect((await ended).detail).to.deep.equal({ clientId: 'gk_erp' });
    expect(served.calls).to.deep.equal(['DELETE secret/previous']);
    await waitUntil(() => $(el, '.previous') === null, 'the grace period is no longer shown');
    expect($(el, '[part~=end-grace]')).to.equal(null);
    await waitUntil(() => /^The previous secret of ERP .* no longer works\.$/.test($(el, '[part=notice]')!.textContent!), 'the end is confirmed');
    await waitUntil(() => el.shadowRoot!.activeElement?.matches('[part~=header] h2') === true, 'focus lands on the heading, not on <body>, once the button that opened the dialog is gone');
  });

  it('deletes only once the name is typed exactly as displayed, with its version', async () => {
    const served = serve();
    const el = await show();
    await canEdit(el);
    // As a user does it: focus on the button, then press it.
    $<HTMLButtonElement>(el, '[part~=delete]')!.focus();
    $<HTMLButtonElement>(el, '[part~=delete]')!.click();
    await waitUntil(() => $<HTMLDialogElement>(el, 'dialog[part=dialog]')!.open);
    const confirm = $<HTMLButtonElement>(el, 'dialog button.danger')!;
    const typed = $<HTMLInputElement>(el, '#typed-name')!;
    expect(confirm.disabled).to.equal(true);
    type(typed, 'erp <b>connector</b>');
    await el.updateComplete;
    expect(confirm.disabled, 'case matters').to.equal(true);
    await expect(el).to.be.accessible();
    expect($(el, 'label[for=typed-name]')!.textContent).to.equal('Type “ERP <b>Connector</b> 1.0” to confirm');
    type(typed, 'ERP <b>Connector</b>');
    await el.updateComplete;
    expect(confirm.disabled, 'the name without its version could be another integration').to.equal(true);
    type(typed, 'ERP <b>Connector</b> 1.0');
    await el.updateComplete;
    const deleted = oneEvent(el, 'grantkit-integration-deleted');
    confirm.click();
    expect((await deleted).detail.clientId).to.equal('gk_erp');
    expect(served.calls).to.deep.equal(['DELETE']);
    await waitUntil(() => $(el, '.deleted[role=status]')?.textContent?.includes('was deleted'));
    await waitUntil(() => el.shadowRoot!.activeElement?.classList.contains('deleted'), 'focus on the note that says so, not on <body>');
  });

  it('puts focus on the next callback URL when one is removed, then on the one before, then on "Add"', async () => {
    serve();
    const el = await show();
    await canEdit(el);
    const inputs = () => $$<HTMLInputElement>(el, '[part~=redirect] input');
    const removeButtons = () => $$<HTMLButtonElement>(el, '[part~=redirect] button');
    $<HTMLButtonElement>(el, 'button.add')!.click();
    await waitUntil(() => inputs().length === 2);
    type(inputs()[1]!, 'https://erp.example.com/second');
    $<HTMLButtonElement>(el, 'button.add')!.click();
    await waitUntil(() => inputs().length === 3);
    type(inputs()[2]!, 'https://erp.example.com/third');
    await el.updateComplete;
    removeButtons()[1]!.click();
    await waitUntil(() => inputs().length === 2);
    await waitUntil(() => el.shadowRoot!.activeElement === inputs()[1], 'the URL now in its place');
    expect(inputs()[1]!.value).to.equal('https://erp.example.com/third');
    removeButtons()[1]!.click();
    await waitUntil(() => inputs().length === 1);
    await waitUntil(() => el.shadowRoot!.activeElement === inputs()[0], 'the one before, when the last was removed');
    removeButtons()[0]!.click();
    await waitUntil(() => inputs().length === 0);
    await waitUntil(() => el.shadowRoot!.activeElement === $(el, 'button.add'), '"Add" when none is left');
  });

  it('opens the rotate dialog and afterwards shows the new last four characters, keeping unsaved edits', async () => {
    serve();
    worker.use(http.post(`${BASE}/integrations/gk_erp/secret`, () =>
      HttpResponse.json({ client_id: 'gk_erp', client_secret: 'gks_new-secret-WxYz', client_secret_last4: 'WxYz', previous_secret_expires_at: null })));
    const el = await show();
    await canEdit(el);
    type($<HTMLTextAreaElement>(el, '#description')!, 'Unsaved words');
    $<HTMLButtonElement>(el, '[part~=rotate]')!.click();
    const dialog = $(el, 'rotate-secret-dialog')!;
    await waitUntil(() => dialog.shadowRoot!.querySelector('dialog')?.open);
    worker.use(http.get(`${BASE}/integrations/gk_erp`, () => HttpResponse.json({ ...INTEGRATION, client_secret_last4: 'WxYz' })));
    dialog.shadowRoot!.querySelector<HTMLInputElement>('[part=confirm]')!.click();
    await (dialog as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    dialog.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await waitUntil(() => $(el, '.masked')!.textContent === '•••• WxYz', 'the new last four');
    expect($<HTMLTextAreaElement>(el, '#description')!.value).to.equal('Unsaved words');
  });

  it('does not drop unsaved changes silently: asks before discarding them, and before the page is left', async () => {
    serve();
    const el = await show();
    await canEdit(el);
    const unload = () => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };
    try {
      expect(el.hasUnsavedChanges).to.equal(false);
      expect(await el.confirmDiscard(), 'nothing to lose: no question').to.equal(true);
      expect(unload(), 'a clean form lets the page go').to.equal(false);

      const description = $<HTMLTextAreaElement>(el, '#description')!;
      type(description, 'Books invoices nightly');
      await el.updateComplete;
      expect(el.hasUnsavedChanges).to.equal(true);
      expect(unload(), 'leaving the page asks first').to.equal(true);

      // Keep editing: the answer is no, and the text stays.
      let answer = el.confirmDiscard();
      await waitUntil(() => $<HTMLDialogElement>(el, 'dialog[part=dialog]')!.open, 'asks');
      expect($(el, '#confirm-title')!.textContent).to.equal('Discard unsaved changes?');
      expect($(el, '#confirm-description')!.textContent).to.contain('ERP <b>Connector</b> 1.0');
      await expect(el).to.be.accessible();
      $$<HTMLButtonElement>(el, 'dialog button')[0]!.click();
      expect(await answer).to.equal(false);
      await el.updateComplete;
      expect($<HTMLTextAreaElement>(el, '#description')!.value).to.equal('Books invoices nightly');

      // Escape is "keep editing" too.
      answer = el.confirmDiscard();
      await waitUntil(() => $<HTMLDialogElement>(el, 'dialog[part=dialog]')!.open);
      $<HTMLDialogElement>(el, 'dialog[part=dialog]')!.dispatchEvent(new Event('cancel', { cancelable: true }));
      $<HTMLDialogElement>(el, 'dialog[part=dialog]')!.close();
      expect(await answer).to.equal(false);
      expect(el.hasUnsavedChanges).to.equal(true);

      // Discard: the answer is yes, and the form is back to what the server has.
      answer = el.confirmDiscard();
      await waitUntil(() => $<HTMLDialogElement>(el, 'dialog[part=dialog]')!.open);
      $<HTMLButtonElement>(el, 'dialog button.danger')!.click();
      expect(await answer).to.equal(true);
      await el.updateComplete;
      expect(el.hasUnsavedChanges).to.equal(false);
      expect($<HTMLTextAreaElement>(el, '#description')!.value).to.equal('Books invoices');
      expect(unload()).to.equal(false);
    } finally {
      await restartWorker();
    }
  });

  it('loads when client-id is set after it connected, as frameworks do', async () => {
    serve();
    // As React does: connected first (so it starts with nothing to load), the property set before its first render.
    const el = attachThenChoose();
    await waitUntil(() => $(el, '[part~=form]') !== null, 'the integration is shown');
    el.clientId = '';
    await waitUntil(() => $(el, '[part~=placeholder]') !== null, 'back to the placeholder');
    el.remove();
  });

  it("shows a placeholder with the app's call to action while nothing is chosen", async () => {
    const el = await fixture<IntegrationDetails>(html`<integration-details .admin=${createAdminClient({ baseUrl: BASE })}><button slot="placeholder-action">New integration…</button></integration-details>`);
    const placeholder = $(el, '[part~=placeholder]')!;
    expect(placeholder.textContent).to.contain('No integration selected');
    expect(placeholder.textContent).to.contain('Choose an integration in the list to see its credentials, settings and tokens.');
    const slot = $<HTMLSlotElement>(el, 'slot[name=placeholder-action]')!;
    expect(slot.assignedElements().map((e) => e.textContent)).to.deep.equal(['New integration…']);
    await expect(el).to.be.accessible();
  });

  it('fits a phone: its narrowest layout is under 300 px, so a 390 px page does not scroll sideways', async () => {
    serve();
    const el = await show();
    el.style.display = 'block';
    el.style.width = 'min-content';
    const narrowest = el.getBoundingClientRect().width;
    expect(narrowest).to.be.below(300);
  });

  it('focus() asked during a load gives up when the user moves on meanwhile, and focuses a refusal it cannot retry', async () => {
    let answer: (() => void) | undefined;
    serve();
    worker.use(http.get(`${BASE}/integrations/gk_erp`, async () => {
      await new Promise<void>((resolve) => (answer = resolve));
      return HttpResponse.json(INTEGRATION);
    }));
    const other = document.createElement('input');
    document.body.append(other);
    const el = attachThenChoose();
    el.focus();
    await waitUntil(() => answer !== undefined, 'the load is under way');
    other.focus();
    answer!();
    await waitUntil(() => $(el, '[part~=header] h2') !== null, 'loaded');
    await el.updateComplete;
    expect(document.activeElement, 'focus stays where the user put it').to.equal(other);
    el.remove();

    serve({ get: () => problem(403, 'forbidden') });
    const refused = attachThenChoose();
    refused.focus();
    await waitUntil(() => refused.shadowRoot!.activeElement?.matches('[part~=forbidden]'), 'the refusal takes focus');
    refused.remove();
    other.remove();
  });

  it('focus(), called while the integration loads, focuses its heading once it shows', async () => {
    serve();
    const el = attachThenChoose();
    el.focus();
    await waitUntil(() => el.shadowRoot!.activeElement?.matches('[part~=header] h2'), 'the heading took focus');
    expect(el.shadowRoot!.activeElement!.textContent).to.contain('ERP');
    el.remove();
  });

  it('speaks German under lang="de"', async () => {
    serve();
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="de"><integration-details client-id="gk_erp" .admin=${createAdminClient({ baseUrl: BASE })}></integration-details></div>`);
    const el = wrapper.firstElementChild as IntegrationDetails;
    await waitUntil(() => $(el, '[part~=form]') !== null);
    expect($(el, '#settings-title')!.textContent).to.equal('Einstellungen');
    expect($(el, '[part~=badge-active]')!.textContent).to.equal('Aktiv');
  });
});
