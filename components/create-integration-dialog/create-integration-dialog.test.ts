import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { http, HttpResponse, passthrough } from 'msw';
import { createAdminClient, type AdminClient } from '../../src/admin/index.js';
import { createClient } from '../../src/index.js';
import { startWorker, worker } from '../../test/support/msw.js';
import '../shared/locales/de.js';
import './define.js';
import type { CreateIntegrationDialog } from './create-integration-dialog.js';

const BASE = 'https://id.example.test/admin/v1';
const SECRET = 'gks_created-secret-shown-once-AbCd';

const $ = <T extends Element>(el: CreateIntegrationDialog, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;

function type(el: CreateIntegrationDialog, id: string, value: string): void {
  const field = $<HTMLInputElement | HTMLTextAreaElement>(el, `#${id}`);
  field.value = value;
  field.dispatchEvent(new Event('input'));
}

/** Callback URLs as a user gives them: typed into the first field, or several lines pasted into it (a row each). */
async function urls(el: CreateIntegrationDialog, text: string): Promise<void> {
  const field = $<HTMLInputElement>(el, '[part~=redirect] input');
  if (text.includes('\n')) {
    const data = new DataTransfer();
    data.setData('text', text);
    field.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  } else {
    field.value = text;
    field.dispatchEvent(new Event('input'));
  }
  await el.updateComplete;
}

const rows = (el: CreateIntegrationDialog) => [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('[part~=redirect] input')].map((i) => i.value);

function serve(answer?: () => Response): unknown[] {
  const bodies: unknown[] = [];
  worker.resetHandlers(
    http.post(`${BASE}/integrations`, async ({ request }) => {
      const body = (await request.json()) as Record<string, unknown>;
      bodies.push(body);
      if (answer) return answer();
      const confidential = body.token_endpoint_auth_method === 'client_secret_basic';
      return HttpResponse.json({ client_id: 'gk_new', client_name: body.client_name, ...(confidential ? { client_secret: SECRET } : {}) }, { status: 201 });
    }),
  );
  return bodies;
}

async function open(): Promise<CreateIntegrationDialog> {
  const el = await fixture<CreateIntegrationDialog>(html`<create-integration-dialog .admin=${createAdminClient({ baseUrl: BASE })}></create-integration-dialog>`);
  await el.show();
  return el;
}

const submit = (el: CreateIntegrationDialog) => $<HTMLButtonElement>(el, 'button[type=submit]').click();

/** Chooses the kind of app, as a user does: by its radio button. */
async function kind(el: CreateIntegrationDialog, value: 'web' | 'single_page' | 'native' | 'service'): Promise<void> {
  $<HTMLInputElement>(el, `input[name=kind][value=${value}]`).click();
  await el.updateComplete;
}

const checkbox = (el: CreateIntegrationDialog, label: string) => [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type=checkbox]')].find((c) => c.parentElement!.textContent!.includes(label));

describe('<create-integration-dialog>', () => {
  before(async () => {
    await startWorker();
  });

  it('says what is missing or wrong before asking the server, and focuses it', async () => {
    const bodies = serve();
    const el = await open();
    await expect(el).to.be.accessible();
    await urls(el, 'http://evil.example/cb');
    submit(el);
    await el.updateComplete;
    expect($(el, '#name-error').textContent).to.equal('Required.');
    expect($(el, '#redirect-0-error').textContent).to.contain('“http://evil.example/cb” is not allowed');
    expect($(el, '#name').getAttribute('aria-invalid')).to.equal('true');
    expect(el.shadowRoot!.activeElement === $(el, '#name')).to.equal(true);
    expect(bodies).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('creates a confidential integration and shows its secret once', async () => {
    const bodies = serve();
    const el = await open();
    type(el, 'name', '  Label Printer ');
    await urls(el, 'https://printer.example.com/cb\n\nhttp://127.0.0.1:8080/cb');
    expect(rows(el), 'two pasted lines, two rows').to.deep.equal(['https://printer.example.com/cb', 'http://127.0.0.1:8080/cb']);
    const created = oneEvent(el, 'grantkit-integration-created');
    submit(el);
    expect((await created).detail).to.deep.equal({ clientId: 'gk_new', kind: 'web', confidential: true });
    expect(bodies).to.deep.equal([{
      client_name: 'Label Printer', version: '1.0', description: '', kind: 'web', token_endpoint_auth_method: 'client_secret_basic',
      redirect_uris: ['https://printer.example.com/cb', 'http://127.0.0.1:8080/cb'], grant_types: ['authorization_code', 'refresh_token'],
      access_token_lifetime: 3600, refresh_count: null,
    }]);
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '[part=secret]').value).to.equal(SECRET);
    await waitUntil(() => el.shadowRoot!.activeElement?.getAttribute('part') === 'secret', 'focus moves to the new secret, not to <body>');
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, 'button.primary').click();
    await el.updateComplete;
    expect(el.shadowRoot!.innerHTML).not.to.contain(SECRET);
    expect($<HTMLDialogElement>(el, 'dialog').open).to.equal(false);
  });

  it('creates a single-page app without a secret, never offering client credentials, lifetime "never", no refresh', async () => {
    const bodies = serve();
    const el = await open();
    type(el, 'name', 'Field App');
    await urls(el, 'https://field.example.com/cb');
    await kind(el, 'single_page');
    expect(el.shadowRoot!.querySelector('[part~=authentication]'), 'a public app has no authentication to choose').to.equal(null);
    expect(checkbox(el, 'Client credentials') === undefined, 'nor the client credentials grant').to.equal(true);
    el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name=refresh]')[2]!.click();
    [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type=checkbox]')].find((c) => c.parentElement!.textContent!.includes('Never expire'))!.click();
    await el.updateComplete;
    const created = oneEvent(el, 'grantkit-integration-created');
    submit(el);
    expect((await created).detail.confidential).to.equal(false);
    const body = bodies[0] as Record<string, unknown>;
    expect([body.kind, body.token_endpoint_auth_method, body.access_token_lifetime, body.refresh_count]).to.deep.equal(['single_page', 'none', null, 0]);
    expect(body.grant_types).to.deep.equal(['authorization_code', 'refresh_token']);
    await waitUntil(() => !$<HTMLDialogElement>(el, 'dialog').open, 'no secret to show: the dialog closes');
    await waitUntil(() => el.shadowRoot!.querySelector('[part=notice]')!.textContent === 'Field App 1.0 created.', 'but the creation is confirmed');
  });

  it('creates a secretless integration that signs with a key pair: confidential, client credentials offered, no secret shown', async () => {
    const bodies = serve();
    const el = await open();
    type(el, 'name', 'Ledger Sync');
    await urls(el, 'https://ledger.example.com/cb');
    const keyPair = el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name=authentication]')[1]!;
    expect(keyPair.parentElement!.textContent).to.contain('private_key_jwt');
    keyPair.click();
    await el.updateComplete;
    expect(checkbox(el, 'Client credentials')!.disabled, 'a web application may also use client credentials').to.equal(false);
    expect(checkbox(el, 'Authorization code')!.disabled, 'but it signs users in: the code grant is not optional').to.equal(true);
    const created = oneEvent(el, 'grantkit-integration-created');
    submit(el);
    expect((await created).detail.confidential).to.equal(true);
    expect((bodies[0] as Record<string, unknown>).token_endpoint_auth_method).to.equal('private_key_jwt');
    await waitUntil(() => !$<HTMLDialogElement>(el, 'dialog').open, 'no secret to show: the dialog closes');
    expect(el.shadowRoot!.innerHTML).not.to.contain(SECRET);
  });

  it('creates a native app: its own scheme and a loopback IP are taken, localhost and a scheme without a dot are refused beside their rows', async () => {
    const bodies = serve();
    const el = await open();
    type(el, 'name', 'Survey Desktop');
    await kind(el, 'native');
    expect($(el, '#redirects-hint').textContent).to.contain('any port');
    await urls(el, 'com.example.survey:/oauth/callback\nhttp://localhost:8080/cb\nmyapp://callback\nhttp://127.0.0.1/callback');
    submit(el);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('#redirect-0-error') === null && el.shadowRoot!.querySelector('#redirect-3-error') === null, 'the native forms are taken').to.equal(true);
    expect($(el, '#redirect-1-error').textContent).to.contain('not allowed for a native app');
    expect($(el, '#redirect-2-error').textContent).to.contain('not allowed for a native app');
    expect(bodies).to.deep.equal([]);
    // Removing the two refused rows (the later one first, so the earlier keeps its place).
    el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~=redirect] button')[2]!.click();
    await el.updateComplete;
    el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~=redirect] button')[1]!.click();
    await el.updateComplete;
    const created = oneEvent(el, 'grantkit-integration-created');
    submit(el);
    expect((await created).detail).to.deep.equal({ clientId: 'gk_new', kind: 'native', confidential: false });
    const body = bodies[0] as Record<string, unknown>;
    expect([body.kind, body.token_endpoint_auth_method, body.redirect_uris, body.grant_types]).to.deep.equal(['native', 'none', ['com.example.survey:/oauth/callback', 'http://127.0.0.1/callback'], ['authorization_code', 'refresh_token']]);
  });

  it('creates a service with no callback URL and client credentials only, and the secret once', async () => {
    const bodies = serve();
    const el = await open();
    type(el, 'name', 'Nightly Export');
    await urls(el, 'https://typed-before.example.com/cb');
    await kind(el, 'service');
    expect(el.shadowRoot!.querySelector('[part~=redirect]') === null, 'a service has no callback URLs').to.equal(true);
    expect(el.shadowRoot!.querySelector('input[name=refresh]') === null, 'nor refresh tokens').to.equal(true);
    expect($(el, '[part=grant]').textContent).to.contain('Client credentials');
    await expect(el).to.be.accessible();
    const created = oneEvent(el, 'grantkit-integration-created');
    submit(el);
    expect((await created).detail).to.deep.equal({ clientId: 'gk_new', kind: 'service', confidential: true });
    const body = bodies[0] as Record<string, unknown>;
    expect([body.kind, body.token_endpoint_auth_method, body.redirect_uris, body.grant_types, body.refresh_count]).to.deep.equal(['service', 'client_secret_basic', [], ['client_credentials'], 0]);
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '[part=secret]').value).to.equal(SECRET);
  });

  it('keeps the callback URLs typed when the kind is changed and changed back', async () => {
    serve();
    const el = await open();
    await urls(el, 'https://kept.example.com/cb');
    await kind(el, 'service');
    await kind(el, 'native');
    expect(rows(el)).to.deep.equal(['https://kept.example.com/cb']);
  });

  it('registers a native app with its logout URLs at the reference server, which stores them as sent', async () => {
    const info = (await executeServerCommand<{ origin: string; baseUrl: string; adminToken: string }, undefined>('reference-info'))!;
    const sdk = await createClient({ token: info.adminToken, allowedOrigins: [info.origin] });
    const admin: AdminClient = createAdminClient({ baseUrl: info.baseUrl, fetch: sdk.fetch });
    // The real server answers here, not a mock.
    worker.resetHandlers(http.all(`${info.origin}/*`, () => passthrough()));
    const el = await fixture<CreateIntegrationDialog>(html`<create-integration-dialog .admin=${admin}></create-integration-dialog>`);
    await el.show();
    const name = `Native ${Date.now()}`;
    type(el, 'name', name);
    await kind(el, 'native');
    await urls(el, 'com.example.field:/oauth/callback\nhttp://127.0.0.1/callback');
    $<HTMLButtonElement>(el, 'button.add-logout').click();
    await el.updateComplete;
    const logout = () => $<HTMLInputElement>(el, '[part~=logout-url] input');
    expect(el.shadowRoot!.activeElement === logout(), 'the new logout row takes focus').to.equal(true);
    logout().value = 'http://localhost/signed-out';
    logout().dispatchEvent(new Event('input'));
    submit(el);
    await el.updateComplete;
    expect($(el, '#logout-0-error').textContent).to.contain('not allowed for a native app');
    expect(el.shadowRoot!.activeElement === logout(), 'focus goes to the refused logout URL').to.equal(true);
    await expect(el).to.be.accessible();
    logout().value = 'com.example.field:/signed-out';
    logout().dispatchEvent(new Event('input'));
    const created = oneEvent(el, 'grantkit-integration-created');
    submit(el);
    const { clientId } = (await created).detail;
    const stored = await admin.getIntegration({ client_id: clientId });
    expect([stored.kind, stored.client_type, stored.redirect_uris, stored.post_logout_redirect_uris]).to.deep.equal(
      ['native', 'public', ['com.example.field:/oauth/callback', 'http://127.0.0.1/callback'], ['com.example.field:/signed-out']],
    );
    await admin.deleteIntegration({ client_id: clientId });
  });

  it('asks first with a cancelable grantkit-integration-create-request, and creates nothing when it is cancelled', async () => {
    const bodies = serve();
    const el = await open();
    type(el, 'name', 'Field App');
    await urls(el, 'https://field.example.com/cb');
    el.addEventListener('grantkit-integration-create-request', (e) => e.preventDefault(), { once: true });
    const asked = oneEvent(el, 'grantkit-integration-create-request');
    submit(el);
    expect((await asked).detail).to.deep.equal({ name: 'Field App', version: '1.0', kind: 'web', confidential: true });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(bodies).to.deep.equal([]);
    expect($<HTMLDialogElement>(el, 'dialog').open, 'the form stays, as typed').to.equal(true);
    expect($<HTMLInputElement>(el, '#name').value).to.equal('Field App');
  });

  it('says the name and version pair is taken, focuses the name, marks the version, and keeps everything typed', async () => {
    serve(() =>
      HttpResponse.json(
        { type: 'urn:grantkit:problem:duplicate_name', title: 'Taken', status: 409, code: 'duplicate_name', errors: [{ path: '/body/client_name', message: 'is already used with this version' }] },
        { status: 409, headers: { 'content-type': 'application/problem+json' } },
      ),
    );
    const el = await open();
    type(el, 'name', 'ERP Connector');
    type(el, 'description', 'typed with care');
    await urls(el, 'https://erp.example.com/cb');
    const failed = oneEvent(el, 'grantkit-error');
    submit(el);
    expect((await failed).detail.code).to.equal('duplicate_name');
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'name', 'focus moves to the name, where the error is');
    expect($(el, '#name-error').textContent).to.equal('An integration named “ERP Connector” with version 1.0 already exists. Change the name or the version.');
    expect($<HTMLInputElement>(el, '#name').getAttribute('aria-describedby')).to.equal('name-error');
    expect($<HTMLInputElement>(el, '#version').getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#version-error').textContent).to.equal('Or choose another version.');
    expect($<HTMLInputElement>(el, '#name').value).to.equal('ERP Connector');
    expect($<HTMLTextAreaElement>(el, '#description').value).to.equal('typed with care');
    expect(rows(el)).to.deep.equal(['https://erp.example.com/cb']);
    await expect(el).to.be.accessible();
  });

  it('asks before Escape throws away what was typed; an untouched form closes at once', async () => {
    serve();
    const el = await open();
    const dialog = $<HTMLDialogElement>(el, 'dialog');
    const escape = () => dialog.dispatchEvent(new Event('cancel', { cancelable: true }));
    expect(escape(), 'nothing typed: Escape closes').to.equal(true);
    await el.show();
    type(el, 'name', 'Half typed');
    expect(escape(), 'something typed: Escape asks').to.equal(false);
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'keep-editing', 'focus on "Keep editing"');
    expect($(el, '[part=discard]').textContent).to.contain('Discard this new integration?');
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, '#keep-editing').click();
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'name');
    expect($<HTMLInputElement>(el, '#name').value).to.equal('Half typed');
    expect(dialog.open).to.equal(true);
    expect(escape()).to.equal(false);
    await el.updateComplete;
    $<HTMLButtonElement>(el, '[part=discard] button.danger').click();
    await waitUntil(() => !dialog.open, 'discarding closes');
  });

  it('explains a failure that is not about one field, keeping the form', async () => {
    serve(() => HttpResponse.error());
    const el = await open();
    type(el, 'name', 'Offline Try');
    await urls(el, 'https://x.example.com/cb');
    submit(el);
    await waitUntil(() => el.shadowRoot!.querySelector('[part=error]') !== null);
    expect($(el, '[part=error]').textContent).to.equal('The server could not be reached. Check your connection and try again.');
    expect($<HTMLInputElement>(el, '#name').value).to.equal('Offline Try');
  });

  it('keeps markup inert: a pasted callback URL echoed in its error, and a hostile server refusal', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1">';
    serve(() =>
      HttpResponse.json(
        { type: 'urn:x', title: hostile, detail: hostile, status: 400, code: hostile, errors: [{ path: `/body/${hostile}`, message: hostile }] },
        { status: 400, headers: { 'content-type': 'application/problem+json' } },
      ),
    );
    const el = await open();
    type(el, 'name', hostile);
    await urls(el, `https://x.example.com/cb#${hostile}`);
    submit(el);
    await el.updateComplete;
    expect($(el, '#redirect-0-error').textContent).to.contain(hostile);
    await urls(el, 'https://x.example.com/cb');
    const failed = oneEvent(el, 'grantkit-error');
    submit(el);
    await failed;
    await el.updateComplete;
    expect($(el, '[part=error]').textContent).not.to.contain('<img');
    expect($<HTMLInputElement>(el, '#name').value).to.equal(hostile);
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
    el.close();
  });

  it('speaks German inside lang="de"', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div lang="de"><create-integration-dialog></create-integration-dialog></div>`);
    const el = wrapper.querySelector('create-integration-dialog')!;
    await el.show();
    expect($(el, '[part=title]').textContent).to.equal('Neue Integration');
    el.close();
  });
});
