import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { delay, http, HttpResponse } from 'msw';
import { createAdminClient } from '../../src/admin/index.js';
import { startWorker, worker } from '../../test/support/msw.js';
import '../shared/locales/de.js';
import './define.js';
import type { RotateSecretDialog } from './rotate-secret-dialog.js';

const BASE = 'https://id.example.test/admin/v1';
const SECRET = 'gks_s3cr3t-value-shown-once-QwErTy';

const $ = <T extends Element>(el: RotateSecretDialog, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;
const dialog = (el: RotateSecretDialog) => $<HTMLDialogElement>(el, 'dialog');
const rotateButton = (el: RotateSecretDialog) => $<HTMLButtonElement>(el, 'button[type=submit]');

async function open(): Promise<{ el: RotateSecretDialog; opener: HTMLButtonElement; bodies: unknown[] }> {
  const bodies: unknown[] = [];
  worker.resetHandlers(
    http.post(`${BASE}/integrations/:id/secret`, async ({ request }) => {
      const text = await request.text();
      bodies.push(text ? JSON.parse(text) : undefined);
      await delay(30);
      return HttpResponse.json({ client_id: 'gk_erp', client_secret: SECRET, client_secret_last4: SECRET.slice(-4), previous_secret_expires_at: text ? '2030-01-01T10:00:00.000Z' : null });
    }),
  );
  const wrapper = await fixture<HTMLElement>(html`
    <div>
      <button id="opener">Rotate…</button>
      <rotate-secret-dialog client-id="gk_erp" integration-name="ERP Connector 1.0" .admin=${createAdminClient({ baseUrl: BASE })}></rotate-secret-dialog>
    </div>
  `);
  const el = wrapper.querySelector('rotate-secret-dialog')!;
  const opener = wrapper.querySelector<HTMLButtonElement>('#opener')!;
  opener.focus();
  await el.show();
  return { el, opener, bodies };
}

async function confirmAndRotate(el: RotateSecretDialog): Promise<void> {
  $<HTMLInputElement>(el, '[part=confirm]').click();
  await el.updateComplete;
  rotateButton(el).click();
}

describe('<rotate-secret-dialog>', () => {
  before(async () => {
    await startWorker();
  });

  it('explains what rotation does and asks for a confirmation before it allows it', async () => {
    const { el } = await open();
    expect(dialog(el).open).to.equal(true);
    expect($(el, '#description').textContent).to.contain('ERP Connector 1.0');
    expect($(el, '.warning').textContent).to.equal('This cannot be undone.');
    expect(rotateButton(el).disabled).to.equal(true);
    await expect(el).to.be.accessible();
    $<HTMLInputElement>(el, '[part=confirm]').click();
    await el.updateComplete;
    expect(rotateButton(el).disabled).to.equal(false);
  });

  it('shows progress, then the new secret once; after "I have stored it" the secret is gone', async () => {
    const { el, opener } = await open();
    const rotated = oneEvent(el, 'grantkit-secret-rotated');
    await confirmAndRotate(el);
    await el.updateComplete;
    expect(rotateButton(el).textContent!.trim()).to.equal('Rotating…');
    expect(rotateButton(el).getAttribute('aria-busy')).to.equal('true');

    const event = await rotated;
    expect(event.detail).to.deep.equal({ clientId: 'gk_erp', last4: SECRET.slice(-4), previousSecretExpiresAt: null });
    expect(JSON.stringify(event.detail)).not.to.contain(SECRET);
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '[part=secret]').value).to.equal(SECRET);
    expect($<HTMLInputElement>(el, '[part=secret]').readOnly).to.equal(true);
    await waitUntil(() => el.shadowRoot!.activeElement?.getAttribute('part') === 'secret', 'focus moves to the new secret, not to <body>');
    await expect(el).to.be.accessible();

    const closed = oneEvent(dialog(el), 'close');
    $<HTMLButtonElement>(el, 'button.primary').click();
    await el.updateComplete;
    // Gone at once, before the dialog's close event.
    expect(el.shadowRoot!.querySelector('[part=secret]') === null).to.equal(true);
    await closed;
    expect(dialog(el).open).to.equal(false);
    expect(el.shadowRoot!.innerHTML).not.to.contain(SECRET);
    expect(Object.values(el).some((v) => v === SECRET)).to.equal(false);
    const stored = [...Object.keys(localStorage).map((k) => localStorage.getItem(k)), ...Object.keys(sessionStorage).map((k) => sessionStorage.getItem(k)), document.cookie].join();
    expect(stored).not.to.contain(SECRET);
    // Compared as a boolean: chai formatting a DOM node in a failure message can hang the page.
    expect(document.activeElement === opener).to.equal(true, 'focus returns to what opened the dialog');
  });

  it('does not let Escape lose a secret that is being shown, but lets it cancel the confirmation', async () => {
    const { el } = await open();
    await sendKeys({ press: 'Escape' });
    expect(dialog(el).open).to.equal(false);
    // Keyboard use from here on, as a person would: the browser lets a dialog refuse
    // Escape only after real user activation (Chrome's close-watcher rule).
    await el.show();
    $<HTMLInputElement>(el, '[part=confirm]').focus();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    rotateButton(el).focus();
    const rotated = oneEvent(el, 'grantkit-secret-rotated');
    await sendKeys({ press: 'Enter' });
    await rotated;
    await el.updateComplete;
    await sendKeys({ press: 'Escape' });
    expect(dialog(el).open).to.equal(true);
    expect($<HTMLInputElement>(el, '[part=secret]').value).to.equal(SECRET);
    el.close();
  });

  it("the new secret's copy button says 'Copied' for a moment, then 'Copy' again, as wide either way", async () => {
    const { el } = await open();
    const original = Object.getOwnPropertyDescriptor(navigator, 'clipboard');
    const written: string[] = [];
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (text: string) => void written.push(text) } });
    try {
      await confirmAndRotate(el);
      await oneEvent(el, 'grantkit-secret-rotated');
      await el.updateComplete;
      const button = $<HTMLButtonElement>(el, '[part=copy]');
      const shown = () => [...button.querySelectorAll('span')].filter((s) => getComputedStyle(s).visibility !== 'hidden').map((s) => s.textContent);
      const width = button.getBoundingClientRect().width;
      expect(shown()).to.deep.equal(['Copy']);
      button.click();
      await waitUntil(() => shown()[0] === 'Copied', 'the button says it copied');
      expect(written).to.deep.equal([SECRET]);
      expect($(el, '.status').textContent).to.equal('Copied');
      expect(button.getBoundingClientRect().width).to.equal(width);
      await waitUntil(() => shown()[0] === 'Copy' && $(el, '.status').textContent === '', 'and then "Copy" again', { timeout: 5000 });
    } finally {
      if (original) Object.defineProperty(navigator, 'clipboard', original);
      else delete (navigator as { clipboard?: unknown }).clipboard;
      el.close();
    }
  });

  it('sends the chosen grace period and says until when the old secret works', async () => {
    const { el, bodies } = await open();
    const select = $<HTMLSelectElement>(el, '[part=grace]');
    select.value = '86400';
    select.dispatchEvent(new Event('change'));
    await confirmAndRotate(el);
    await oneEvent(el, 'grantkit-secret-rotated');
    await el.updateComplete;
    expect(bodies).to.deep.equal([{ grace_period_seconds: 86400 }]);
    expect(el.shadowRoot!.textContent).to.contain('The previous secret keeps working until');
  });

  it('follows the chosen grace period: the explanation and the confirmation name when the current secret stops, and the confirmation is asked again', async () => {
    const { el } = await open();
    expect($(el, '#description').textContent).to.contain('stops working until it is given the new one');
    $<HTMLInputElement>(el, '[part=confirm]').click();
    await el.updateComplete;
    const select = $<HTMLSelectElement>(el, '[part=grace]');
    select.value = '86400';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    // The day after today, as the dialog's own format writes it (the minute may tick over).
    const tomorrow = new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(new Date(Date.now() + 86_400_000));
    expect($(el, '#description').textContent).to.contain('The current secret keeps working until').and.to.contain(tomorrow);
    expect($(el, '.check span').textContent).to.contain('will stop working on').and.to.contain(tomorrow);
    expect($<HTMLInputElement>(el, '[part=confirm]').checked, 'a new period is a new thing to agree to').to.equal(false);
    expect(rotateButton(el).disabled).to.equal(true);
    await expect(el).to.be.accessible();
    el.close();
  });

  it('warns that a secret still in its grace period stops working when the secret is rotated again', async () => {
    const { el } = await open();
    expect(el.shadowRoot!.querySelector('[part=earlier]')).to.equal(null);
    el.previousSecretExpiresAt = new Date(Date.now() + 3_600_000).toISOString();
    await el.updateComplete;
    expect($(el, '[part=earlier]').textContent).to.contain('The secret rotated out before, which works until').and.to.contain('stops working now');
    el.previousSecretExpiresAt = new Date(Date.now() - 1000).toISOString();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part=earlier]'), 'one whose grace period is over').to.equal(null);
    el.close();
  });

  it('keeps the form as it was and explains, when the server refuses', async () => {
    const { el } = await open();
    worker.use(
      http.post(`${BASE}/integrations/:id/secret`, () =>
        HttpResponse.json({ type: 'urn:grantkit:problem:forbidden', title: 'Forbidden', status: 403, code: 'forbidden' }, { status: 403, headers: { 'content-type': 'application/problem+json' } }),
      ),
    );
    const select = $<HTMLSelectElement>(el, '[part=grace]');
    select.value = '3600';
    select.dispatchEvent(new Event('change'));
    const failed = oneEvent(el, 'grantkit-error');
    await confirmAndRotate(el);
    expect((await failed).detail.code).to.equal('forbidden');
    await el.updateComplete;
    expect($(el, '[part=error]').textContent).to.equal('You need the admin role to do this.');
    expect($<HTMLSelectElement>(el, '[part=grace]').value).to.equal('3600');
    expect($<HTMLInputElement>(el, '[part=confirm]').checked).to.equal(true);
    expect(rotateButton(el).disabled).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('lets the page refuse the rotation through the cancelable request event', async () => {
    const { el, bodies } = await open();
    el.addEventListener('grantkit-rotate-request', (e) => e.preventDefault(), { once: true });
    await confirmAndRotate(el);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(bodies).to.deep.equal([]);
  });

  it('keeps markup in the integration name and in a server refusal inert', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1">';
    const { el } = await open();
    el.integrationName = hostile;
    await el.updateComplete;
    expect($(el, '#description').textContent).to.contain(hostile);
    worker.use(
      http.post(`${BASE}/integrations/:id/secret`, () =>
        HttpResponse.json({ type: 'urn:x', title: hostile, detail: hostile, status: 409, code: hostile }, { status: 409, headers: { 'content-type': 'application/problem+json' } }),
      ),
    );
    const failed = oneEvent(el, 'grantkit-error');
    await confirmAndRotate(el);
    await failed;
    await el.updateComplete;
    expect($(el, '[part=error]').textContent).not.to.contain('<img');
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
    el.close();
  });

  it('speaks German inside lang="de"', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div lang="de"><rotate-secret-dialog client-id="x"></rotate-secret-dialog></div>`);
    const el = wrapper.querySelector('rotate-secret-dialog')!;
    await el.show();
    expect($(el, '[part=title]').textContent).to.equal('Secret erneuern');
    expect($(el, '.warning').textContent).to.equal('Das kann nicht rückgängig gemacht werden.');
    el.close();
  });
});
