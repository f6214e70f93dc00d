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
    const ticked = boxes.filter((b) => b.checked).map((b) => b.parentElement!.textContent!.trim());
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
});

describe('<personal-token-list> states', () => {
  before(async () => {
    await startWorker();
  });

  it('renders markup in token names as text', async () => {
    const BASE = 'https://id.example.test/admin/v1';
    const hostile = { id: 'pat_hostile01', name: '<img src=x onerror="window.__pwned=1">', scope: 'integrations:read', roles: ['viewer'], created_at: '2026-11-20T10:00:00Z', expires_at: '2026-12-20T10:00:00Z', last_used_at: null, last4: 'AbCd' };
    worker.resetHandlers(
      http.get(`${BASE}/me`, () => HttpResponse.json({ sub: 'x', roles: ['viewer'], permissions: ['integrations:read', 'personal-tokens:write'], auth: 'access_token' })),
      http.get(`${BASE}/personal-tokens`, () => HttpResponse.json({ items: [hostile], next_cursor: null })),
    );
    const el = await fixture<PersonalTokenList>(html`<personal-token-list .admin=${createAdminClient({ baseUrl: BASE })}></personal-token-list>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[part=row]') !== null);
    expect($(el, '[part=row]').textContent).to.contain('<img src=x onerror="window.__pwned=1">');
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('asks first with a cancelable grantkit-personal-token-create-request, and creates nothing when it is cancelled', async () => {
    const BASE = 'https://id.example.test/admin/v1';
    let posted = 0;
    worker.resetHandlers(
      http.get(`${BASE}/me`, () => HttpResponse.json({ sub: 'x', roles: ['viewer'], permissions: ['integrations:read', 'personal-tokens:write'], auth: 'access_token' })),
      http.get(`${BASE}/personal-tokens`, () => HttpResponse.json({ items: [], next_cursor: null })),
      http.post(`${BASE}/personal-tokens`, () => (posted++, HttpResponse.error())),
    );
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

  it('asks for a name before creating, and shows a failure in the dialog', async () => {
    const BASE = 'https://id.example.test/admin/v1';
    worker.resetHandlers(
      http.get(`${BASE}/me`, () => HttpResponse.json({ sub: 'x', roles: ['viewer'], permissions: ['integrations:read', 'personal-tokens:write'], auth: 'access_token' })),
      http.get(`${BASE}/personal-tokens`, () => HttpResponse.json({ items: [], next_cursor: null })),
      http.post(`${BASE}/personal-tokens`, () => HttpResponse.error()),
    );
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
