import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import { createAdminClient } from '../../src/admin/index.js';
import { createClient } from '../../src/index.js';
import { startWorker, worker } from '../../test/support/msw.js';
import './define.js';
import type { PersonalTokenList } from './personal-token-list.js';

interface ReferenceInfo {
  origin: string;
  baseUrl: string;
  adminToken: string;
}

const $ = <T extends Element>(el: PersonalTokenList, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;

describe('<personal-token-list> against the reference server', () => {
  it('creates a read-only token shown once, lists it, and revokes it', async () => {
    const info = (await executeServerCommand<ReferenceInfo, undefined>('reference-info'))!;
    const sdk = await createClient({ token: info.adminToken, allowedOrigins: [info.origin] });
    const admin = createAdminClient({ baseUrl: info.baseUrl, fetch: sdk.fetch });
    const el = await fixture<PersonalTokenList>(html`<personal-token-list .admin=${admin}></personal-token-list>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[part=empty], [part=list]') !== null, 'loaded');
    await expect(el).to.be.accessible();

    $<HTMLButtonElement>(el, '[part=create]').click();
    await waitUntil(() => $<HTMLDialogElement>(el, 'dialog').open, 'the form opens');
    const boxes = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('fieldset input[type=checkbox]')];
    const ticked = boxes.filter((b) => b.checked).map((b) => b.parentElement!.querySelector('code')!.textContent!);
    expect(ticked.every((p) => p.endsWith(':read'))).to.equal(true, 'read-only by default');
    expect(ticked.length).to.be.greaterThan(0);
    await expect(el).to.be.accessible();

    const name = `browser script ${Date.now()}`;
    const field = $<HTMLInputElement>(el, '#pat-name');
    field.value = name;
    field.dispatchEvent(new Event('input'));
    const created = oneEvent(el, 'grantkit-personal-token-created');
    $<HTMLButtonElement>(el, 'dialog button[type=submit]').click();
    const detail = (await created).detail;
    expect(detail.name).to.equal(name);
    await el.updateComplete;
    const value = $<HTMLInputElement>(el, '[part=secret]').value;
    expect(value).to.match(/^gkpat_/);
    await waitUntil(() => el.shadowRoot!.activeElement?.getAttribute('part') === 'secret', 'focus moves to the new token, not to <body>');
    expect(JSON.stringify(detail)).not.to.contain(value);

    // The token works, with only what it was given.
    const me = await fetch(`${info.baseUrl}/me`, { headers: { authorization: `Bearer ${value}` } }).then((r) => r.json());
    expect(me.permissions.every((p: string) => p.endsWith(':read'))).to.equal(true);

    $<HTMLButtonElement>(el, 'dialog button.primary').click();
    await el.updateComplete;
    expect(el.shadowRoot!.innerHTML).not.to.contain(value);
    await waitUntil(() => !$<HTMLDialogElement>(el, 'dialog').open, 'the dialog closes');
    await waitUntil(() => [...el.shadowRoot!.querySelectorAll('[part=row]')].some((r) => r.textContent!.includes(name)), 'listed');
    const row = [...el.shadowRoot!.querySelectorAll('[part=row]')].find((r) => r.textContent!.includes(name))!;
    expect(row.textContent).to.contain(value.slice(-4));

    row.querySelector<HTMLButtonElement>('[part=revoke]')!.click();
    await waitUntil(() => $<HTMLDialogElement>(el, 'dialog').open, 'the confirmation opens');
    const revoked = oneEvent(el, 'grantkit-personal-token-revoked');
    $<HTMLButtonElement>(el, 'dialog button.danger').click();
    expect((await revoked).detail.name).to.equal(name);
    await waitUntil(() => el.shadowRoot!.querySelector('[part=notice]')?.textContent === `Token “${name}” revoked.`, 'the revocation is confirmed');
    const after = await fetch(`${info.baseUrl}/me`, { headers: { authorization: `Bearer ${value}` } });
    expect(after.status).to.equal(401);
  });

  it('regenerates a token on a picked date: a new value shown once, the old one refused, the name and permissions kept', async () => {
    const info = (await executeServerCommand<ReferenceInfo, undefined>('reference-info'))!;
    const sdk = await createClient({ token: info.adminToken, allowedOrigins: [info.origin] });
    const admin = createAdminClient({ baseUrl: info.baseUrl, fetch: sdk.fetch });
    const name = `regenerated script ${Date.now()}`;
    const original = await admin.createPersonalToken({ name, scope: ['scopes:read'], expires_in_days: 7 });
    const el = await fixture<PersonalTokenList>(html`<personal-token-list .admin=${admin}></personal-token-list>`);
    const row = () => [...el.shadowRoot!.querySelectorAll('[part=row]')].find((r) => r.textContent!.includes(name));
    await waitUntil(() => row() !== undefined, 'listed');
    const opener = row()!.querySelector<HTMLButtonElement>('[part=regenerate]')!;
    expect(opener.getAttribute('aria-label')).to.equal(`Regenerate ${name}`);
    opener.focus();
    opener.click();
    await waitUntil(() => $<HTMLDialogElement>(el, 'dialog').open, 'the confirmation opens');
    expect($(el, '#title').textContent).to.equal(`Regenerate “${name}”?`);
    const select = $<HTMLSelectElement>(el, '#pat-days');
    select.value = 'custom';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    // 45 days from today, picked as a date: the form says which date that is.
    const picked = new Date(Date.now() + 45 * 86_400_000);
    const iso = `${picked.getFullYear()}-${String(picked.getMonth() + 1).padStart(2, '0')}-${String(picked.getDate()).padStart(2, '0')}`;
    const date = $<HTMLInputElement>(el, '#pat-date');
    date.value = iso;
    date.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect($(el, '#pat-expiry-result').textContent!.trim()).to.equal(`The token expires on ${new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(picked)}.`);
    await expect(el).to.be.accessible();

    const regenerated = oneEvent(el, 'grantkit-personal-token-regenerated');
    $<HTMLButtonElement>(el, 'dialog button[type=submit]').click();
    const detail = (await regenerated).detail;
    expect(detail.id).to.equal(original.id);
    expect(Math.round((Date.parse(detail.expiresAt) - Date.now()) / 86_400_000)).to.equal(45);
    await el.updateComplete;
    const value = $<HTMLInputElement>(el, '[part=secret]').value;
    expect(value).to.match(/^gkpat_/).and.not.to.equal(original.token);
    expect(JSON.stringify(detail)).not.to.contain(value);
    const me = async (token: string) => fetch(`${info.baseUrl}/me`, { headers: { authorization: `Bearer ${token}` } });
    expect((await me(original.token)).status, 'the old value stops working at once').to.equal(401);
    expect((await (await me(value)).json()).permissions).to.deep.equal(['scopes:read']);

    $<HTMLButtonElement>(el, 'dialog button.primary').click();
    await waitUntil(() => !$<HTMLDialogElement>(el, 'dialog').open, 'the dialog closes');
    expect(el.shadowRoot!.innerHTML).not.to.contain(value);
    await waitUntil(() => $(el, '[part=notice]').textContent === `Token “${name}” regenerated: its old value no longer works.`, 'confirmed once the value is put away');
    await waitUntil(() => row()?.textContent!.includes(value.slice(-4)) === true, 'the row shows the new last four characters');
    await admin.revokePersonalToken({ token_id: original.id });
  });
});

const BASE = 'https://id.example.test/admin/v1';

/** A viewer's admin API: /me with these permissions, the tokens listed, and the handlers a test adds. */
function serveTokens(items: unknown[], more: Parameters<typeof worker.resetHandlers> = [], permissions = ['integrations:read', 'personal-tokens:write']): void {
  worker.resetHandlers(
    http.get(`${BASE}/me`, () => HttpResponse.json({ sub: 'x', roles: ['viewer'], permissions, auth: 'access_token' })),
    http.get(`${BASE}/personal-tokens`, () => HttpResponse.json({ items, next_cursor: null })),
    ...more,
  );
}

describe('<personal-token-list> states', () => {
  before(async () => {
    await startWorker();
  });

  it('says so when a further page fails, and its retry loads it (the shared list states)', async () => {
    const token = (n: number) => ({ id: `pat_page${n}`, name: `Token ${n}`, scope: 'integrations:read', roles: ['viewer'], created_at: '2026-11-20T10:00:00Z', expires_at: '2026-12-20T10:00:00Z', last_used_at: null, last4: 'AbCd' });
    let failNext = true;
    serveTokens([]);
    worker.use(http.get(`${BASE}/personal-tokens`, ({ request }) => {
      if (!new URL(request.url).searchParams.get('cursor')) return HttpResponse.json({ items: [token(1)], next_cursor: 'c2' });
      if (failNext) return (failNext = false, HttpResponse.json({ code: 'internal_error', title: 'x', status: 500 }, { status: 500 }));
      return HttpResponse.json({ items: [token(2)], next_cursor: null });
    }));
    const el = await fixture<PersonalTokenList>(html`<personal-token-list .admin=${createAdminClient({ baseUrl: BASE })}></personal-token-list>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[part=row]') !== null);
    [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent === 'Load more')!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('[part=error]') !== null, 'the failed page is named');
    expect(el.shadowRoot!.querySelectorAll('[part=row]')).to.have.length(1);
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part=error] button')!.click();
    await waitUntil(() => el.shadowRoot!.querySelectorAll('[part=row]').length === 2, 'the retried page');
    expect(el.shadowRoot!.querySelector('[part=error]')).to.equal(null);
  });

  it('renders markup in token names as text', async () => {
    const hostile = { id: 'pat_hostile01', name: '<img src=x onerror="window.__pwned=1">', scope: 'integrations:read', roles: ['viewer'], created_at: '2026-11-20T10:00:00Z', expires_at: '2026-12-20T10:00:00Z', last_used_at: null, last4: 'AbCd' };
    serveTokens([hostile]);
    const el = await fixture<PersonalTokenList>(html`<personal-token-list .admin=${createAdminClient({ baseUrl: BASE })}></personal-token-list>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[part=row]') !== null);
    expect($(el, '[part=row]').textContent).to.contain('<img src=x onerror="window.__pwned=1">');
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('asks first with a cancelable grantkit-personal-token-create-request, and creates nothing when it is cancelled', async () => {
    let posted = 0;
    serveTokens([], [
      http.post(`${BASE}/personal-tokens`, () => (posted++, HttpResponse.error())),
    ]);
    const el = await fixture<PersonalTokenList>(html`<personal-token-list .admin=${createAdminClient({ baseUrl: BASE })}></personal-token-list>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[part=empty]') !== null);
    $<HTMLButtonElement>(el, '[part=create]').click();
    await waitUntil(() => $<HTMLDialogElement>(el, 'dialog').open);
    const field = $<HTMLInputElement>(el, '#pat-name');
    field.value = 'nightly script';
    field.dispatchEvent(new Event('input'));
    el.addEventListener('grantkit-personal-token-create-request', (e) => e.preventDefault(), { once: true });
    const asked = oneEvent(el, 'grantkit-personal-token-create-request');
    $<HTMLButtonElement>(el, 'button[type=submit]').click();
    expect((await asked).detail.name).to.equal('nightly script');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(posted).to.equal(0);
    expect($<HTMLDialogElement>(el, 'dialog').open).to.equal(true);
  });

  it('shows what each permission allows, refuses a token with none, and names the date a lifetime ends', async () => {
    let posted = 0;
    serveTokens([], [
      http.post(`${BASE}/personal-tokens`, () => (posted++, HttpResponse.error())),
    ], ['integrations:read', 'scopes:read', 'personal-tokens:write']);
    const el = await fixture<PersonalTokenList>(html`<personal-token-list .admin=${createAdminClient({ baseUrl: BASE })}></personal-token-list>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[part=empty]') !== null);
    $<HTMLButtonElement>(el, '[part=create]').click();
    await waitUntil(() => $<HTMLDialogElement>(el, 'dialog').open);
    expect([...el.shadowRoot!.querySelectorAll('.permission-description')].map((d) => d.textContent)).to.deep.equal([
      'See integrations, their settings and endpoints', 'See scopes and which integrations use them', 'Create personal access tokens (only from a signed-in session)',
    ]);
    const format = new Intl.DateTimeFormat('en', { dateStyle: 'medium' });
    expect($(el, '#pat-expiry-result').textContent!.trim()).to.equal(`The token expires on ${format.format(new Date(Date.now() + 30 * 86_400_000))}.`);
    const select = $<HTMLSelectElement>(el, '#pat-days');
    select.value = '90';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect($(el, '#pat-expiry-result').textContent!.trim()).to.equal(`The token expires on ${format.format(new Date(Date.now() + 90 * 86_400_000))}.`);

    const field = $<HTMLInputElement>(el, '#pat-name');
    field.value = 'does nothing';
    field.dispatchEvent(new Event('input'));
    for (const box of el.shadowRoot!.querySelectorAll<HTMLInputElement>('[part~=permission] input:checked')) box.click();
    await el.updateComplete;
    $<HTMLButtonElement>(el, 'button[type=submit]').click();
    await waitUntil(() => el.shadowRoot!.activeElement === $(el, '[part~=permission] input'), 'focus on the first permission');
    expect($(el, '#pat-permissions-hint').textContent).to.contain('Choose at least one permission');
    await expect(el).to.be.accessible();

    $<HTMLInputElement>(el, '[part~=permission] input').click();
    select.value = 'custom';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    const date = $<HTMLInputElement>(el, '#pat-date');
    date.value = '2020-01-01';
    date.dispatchEvent(new Event('input'));
    $<HTMLButtonElement>(el, 'button[type=submit]').click();
    await waitUntil(() => el.shadowRoot!.activeElement === date, 'focus on the date');
    expect($(el, '#pat-expiry-result').textContent).to.contain('Choose a date from tomorrow to');
    expect(posted, 'nothing was sent').to.equal(0);
  });

  it('offers a regenerated token the lifetime it had, and sends it', async () => {
    const bodies: unknown[] = [];
    const issued = new Date(Date.now() - 10 * 86_400_000);
    const token = { id: 'pat_lifetime45', name: 'quarterly', scope: 'integrations:read', roles: ['viewer'], created_at: issued.toISOString(), issued_at: issued.toISOString(), expires_at: new Date(issued.getTime() + 45 * 86_400_000).toISOString(), last_used_at: null, last4: 'AbCd' };
    serveTokens([token], [
      http.post(`${BASE}/personal-tokens/:id/regenerate`, async ({ request }) => {
        bodies.push(await request.json());
        return HttpResponse.json({ ...token, token: 'gkpat_new-value-shown-once', last4: 'once' });
      }),
    ]);
    const el = await fixture<PersonalTokenList>(html`<personal-token-list .admin=${createAdminClient({ baseUrl: BASE })}></personal-token-list>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[part=regenerate]') !== null);
    $<HTMLButtonElement>(el, '[part=regenerate]').click();
    await waitUntil(() => $<HTMLDialogElement>(el, 'dialog').open);
    const select = $<HTMLSelectElement>(el, '#pat-days');
    expect(select.value, 'the 45 days it had, not 30').to.equal('45');
    expect([...select.options].map((o) => o.value)).to.deep.equal(['7', '30', '45', '90', '366', 'custom']);
    $<HTMLButtonElement>(el, 'dialog button[type=submit]').click();
    await waitUntil(() => bodies.length === 1);
    expect(bodies[0]).to.deep.equal({ expires_in_days: 45 });
    await waitUntil(() => el.shadowRoot!.querySelector('[part=secret]') !== null);
    $<HTMLButtonElement>(el, 'dialog button.primary').click();
  });

  it('asks for a name before creating, and shows a failure in the dialog', async () => {
    serveTokens([], [
      http.post(`${BASE}/personal-tokens`, () => HttpResponse.error()),
    ]);
    const el = await fixture<PersonalTokenList>(html`<personal-token-list .admin=${createAdminClient({ baseUrl: BASE })}></personal-token-list>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[part=empty]') !== null);
    expect($(el, '[part=empty]').textContent!.trim()).to.equal('You have no personal access tokens.');
    $<HTMLButtonElement>(el, '[part=create]').click();
    await waitUntil(() => $<HTMLDialogElement>(el, 'dialog').open);
    $<HTMLButtonElement>(el, 'button[type=submit]').click();
    await el.updateComplete;
    expect($(el, '#pat-name').getAttribute('aria-invalid')).to.equal('true');
    expect(el.shadowRoot!.activeElement === $(el, '#pat-name')).to.equal(true);
    const field = $<HTMLInputElement>(el, '#pat-name');
    field.value = 'kept';
    field.dispatchEvent(new Event('input'));
    $<HTMLButtonElement>(el, 'button[type=submit]').click();
    await waitUntil(() => el.shadowRoot!.querySelector('dialog [role=alert]') !== null);
    expect($(el, 'dialog [role=alert]').textContent).to.equal('The server could not be reached. Check your connection and try again.');
    expect($<HTMLInputElement>(el, '#pat-name').value).to.equal('kept');
    await expect(el).to.be.accessible();
  });
});
