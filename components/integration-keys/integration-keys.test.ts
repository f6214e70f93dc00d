import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import { createAdminClient, type AdminClient, type IntegrationKey } from '../../src/admin/index.js';
import { createClient } from '../../src/index.js';
import { startWorker, worker } from '../../test/support/msw.js';
import '../shared/locales/de.js';
import './define.js';
import type { IntegrationKeys } from './integration-keys.js';

interface ReferenceInfo {
  origin: string;
  baseUrl: string;
  adminToken: string;
  viewerToken: string;
}

const $ = <T extends Element>(el: IntegrationKeys, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const rows = (el: IntegrationKeys) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part=row]')];
const loaded = (el: IntegrationKeys) => waitUntil(() => $(el, '[part=empty], [part=list], [part=error], [part=forbidden]') !== null, 'loaded');
const field = (el: IntegrationKeys) => $<HTMLTextAreaElement>(el, '#public-key')!;

function paste(el: IntegrationKeys, text: string): void {
  const area = field(el);
  area.value = text;
  area.dispatchEvent(new Event('input'));
}

async function adminFor(token: keyof Pick<ReferenceInfo, 'adminToken' | 'viewerToken'>): Promise<{ admin: AdminClient; info: ReferenceInfo }> {
  const info = (await executeServerCommand<ReferenceInfo, undefined>('reference-info'))!;
  const sdk = await createClient({ token: info[token], allowedOrigins: [info.origin] });
  return { admin: createAdminClient({ baseUrl: info.baseUrl, fetch: sdk.fetch }), info };
}

describe('<integration-keys> against the reference server', () => {
  it('adds a public key made in this browser, the token endpoint accepts the app signed with it, and removing it locks the app out', async () => {
    const { admin } = await adminFor('adminToken');
    const created = await admin.createIntegration({ client_name: `Secretless ${Date.now()}`, version: '1.0', token_endpoint_auth_method: 'private_key_jwt', grant_types: ['client_credentials'] });
    expect(created.client_secret, 'no secret is issued').to.equal(undefined);
    const pair = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify'])) as CryptoKeyPair;
    const publicJwk = await crypto.subtle.exportKey('jwk', pair.publicKey);
    const privateJwk = await crypto.subtle.exportKey('jwk', pair.privateKey);
    const tokenStatus = () => executeServerCommand<number, { clientId: string; privateJwk: JsonWebKey; alg: string }>('reference-key-assertion', { clientId: created.client_id, privateJwk, alg: 'ES256' });
    expect(await tokenStatus(), 'no key yet: no token').to.equal(401);

    const el = await fixture<IntegrationKeys>(html`<integration-keys .admin=${admin} client-id=${created.client_id}></integration-keys>`);
    await loaded(el);
    expect($(el, '[part=empty]')!.textContent).to.contain('gets no tokens');
    await waitUntil(() => $(el, '[part=form]') !== null, 'an admin may add a key');
    expect($(el, '.note')!.textContent, 'an admin is told how to rotate').to.contain('add the new one, move the app to it, then remove the old one');
    await expect(el).to.be.accessible();

    // The wrong half first: refused, said beside the field, and gone from it.
    paste(el, JSON.stringify(privateJwk));
    const refused = oneEvent(el, 'grantkit-error');
    $<HTMLButtonElement>(el, '[part=add]')!.click();
    expect((await refused).detail.code).to.equal('private_key');
    await waitUntil(() => $(el, '#key-error') !== null, 'the refusal is shown');
    expect($(el, '#key-error')!.textContent).to.contain('private key');
    expect(field(el).value, 'the private key does not stay on screen').to.equal('');
    expect(field(el).getAttribute('aria-invalid')).to.equal('true');
    expect(el.shadowRoot!.activeElement).to.equal(field(el));
    await expect(el).to.be.accessible();

    paste(el, JSON.stringify(publicJwk));
    await el.updateComplete;
    expect($(el, '#key-error') === null, 'typing clears the refusal').to.equal(true);
    const added = oneEvent(el, 'grantkit-key-added');
    $<HTMLButtonElement>(el, '[part=add]')!.click();
    const { detail } = await added;
    expect(detail.alg).to.equal('ES256');
    await waitUntil(() => rows(el).length === 1, 'the key is listed');
    expect(rows(el)[0]!.textContent).to.contain(detail.kid);
    expect(rows(el)[0]!.querySelector('[part=thumbprint]')!.textContent).to.equal(detail.thumbprint);
    expect(rows(el)[0]!.textContent).to.contain('ES256 · P-256');
    expect(field(el).value, 'the field is cleared for the next key').to.equal('');
    await waitUntil(() => $(el, '[part=notice]')!.textContent!.includes(`Key ${detail.kid} added`), 'the change is confirmed');
    expect(await tokenStatus(), 'the app gets tokens with the key').to.equal(200);

    const remove = rows(el)[0]!.querySelector<HTMLButtonElement>('[part=remove]')!;
    expect(remove.getAttribute('aria-label')).to.equal(`Remove key ${detail.kid}`);
    remove.focus();
    remove.click();
    await waitUntil(() => $<HTMLDialogElement>(el, 'dialog')!.open, 'removal asks first');
    expect($(el, 'dialog')!.textContent).to.contain('This is the last key');
    await expect(el).to.be.accessible();
    const removed = oneEvent(el, 'grantkit-key-removed');
    $<HTMLButtonElement>(el, 'dialog button.danger')!.click();
    expect((await removed).detail).to.deep.equal({ clientId: created.client_id, kid: detail.kid });
    await waitUntil(() => rows(el).length === 0 && !$<HTMLDialogElement>(el, 'dialog')!.open, 'the key is gone and the dialog closed');
    await waitUntil(() => el.shadowRoot!.activeElement !== null, 'focus stays in the element, not on <body>');
    expect(await tokenStatus(), 'the removed key is refused at once').to.equal(401);
  });

  it('shows a viewer the keys and nothing to change them with', async () => {
    const { admin } = await adminFor('adminToken');
    const created = await admin.createIntegration({ client_name: `Secretless viewed ${Date.now()}`, version: '1.0', token_endpoint_auth_method: 'private_key_jwt', grant_types: ['client_credentials'] });
    const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
    await admin.addIntegrationKey({ client_id: created.client_id }, { public_key: JSON.stringify(await crypto.subtle.exportKey('jwk', pair.publicKey)) });
    const { admin: asViewer } = await adminFor('viewerToken');
    const el = await fixture<IntegrationKeys>(html`<integration-keys .admin=${asViewer} client-id=${created.client_id}></integration-keys>`);
    await loaded(el);
    await waitUntil(() => rows(el).length === 1);
    expect(rows(el)[0]!.textContent).to.contain('Ed25519 · added');
    expect(rows(el)[0]!.textContent, 'the name that is both algorithm and curve is said once').not.to.contain('Ed25519 · Ed25519');
    await new Promise((r) => setTimeout(r, 50));
    expect($(el, '[part=form]') === null, 'no form').to.equal(true);
    expect($(el, '.note')!.textContent, 'no instructions for what the viewer cannot do').not.to.contain('add the new one');
    expect($(el, '[part=remove]') === null, 'no remove button').to.equal(true);
    await expect(el).to.be.accessible();
  });
});

describe('<integration-keys> states', () => {
  const BASE = 'https://id.example.test/admin/v1';
  const key = (over: Partial<IntegrationKey> = {}): IntegrationKey => ({
    kid: 'deploy-2026-11', kty: 'RSA', alg: 'PS256', key_size: 3072, thumbprint: 'NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs',
    jwk: { kty: 'RSA', n: 'AQAB', e: 'AQAB', kid: 'deploy-2026-11', alg: 'PS256', use: 'sig' }, created_at: '2026-11-20T10:00:00Z', ...over,
  });
  const problem = (status: number, code: string) =>
    HttpResponse.json({ type: `urn:grantkit:problem:${code}`, title: code, status, code, errors: [{ path: '/body/public_key', message: 'x' }] }, { status, headers: { 'content-type': 'application/problem+json' } });
  const admin = createAdminClient({ baseUrl: BASE });
  const asAdmin = () => http.get(`${BASE}/me`, () => HttpResponse.json({ sub: 'ada', roles: ['admin'], permissions: ['integrations:read', 'integrations:write'], auth: 'access_token' }));

  before(() => startWorker());
  afterEach(() => worker.resetHandlers());

  it('shows a load failure with a retry that works', async () => {
    let fail = true;
    worker.use(asAdmin(), http.get(`${BASE}/integrations/:id/keys`, () => (fail ? problem(500, 'internal_error') : HttpResponse.json({ items: [key()] }))));
    const el = await fixture<IntegrationKeys>(html`<integration-keys .admin=${admin} client-id="gk_a"></integration-keys>`);
    await loaded(el);
    expect($(el, '[part=error]')).to.exist;
    fail = false;
    $<HTMLButtonElement>(el, '[part=error] button')!.click();
    await waitUntil(() => rows(el).length === 1, 'retried');
    expect(rows(el)[0]!.textContent).to.contain('RSA 3072 bits');
  });

  it('sends nothing when the add or remove request is cancelled, and nothing when the field is empty', async () => {
    let writes = 0;
    worker.use(
      asAdmin(),
      http.get(`${BASE}/integrations/:id/keys`, () => HttpResponse.json({ items: [key(), key({ kid: 'deploy-2026-12', thumbprint: 'other' })] })),
      http.post(`${BASE}/integrations/:id/keys`, () => {
        writes++;
        return HttpResponse.json(key({ kid: 'second' }), { status: 201 });
      }),
      http.delete(`${BASE}/integrations/:id/keys/:kid`, () => {
        writes++;
        return new HttpResponse(null, { status: 204 });
      }),
    );
    const el = await fixture<IntegrationKeys>(html`<integration-keys .admin=${admin} client-id="gk_a"></integration-keys>`);
    await waitUntil(() => $(el, '[part=form]') !== null);
    $<HTMLButtonElement>(el, '[part=add]')!.click();
    await waitUntil(() => $(el, '#key-error') !== null, 'an empty field is refused before sending');
    expect($(el, '#key-error')!.textContent).to.equal('Paste a public key.');
    el.addEventListener('grantkit-key-add-request', (e) => e.preventDefault());
    el.addEventListener('grantkit-key-remove-request', (e) => e.preventDefault());
    paste(el, '-----BEGIN PUBLIC KEY-----');
    $<HTMLButtonElement>(el, '[part=add]')!.click();
    rows(el)[0]!.querySelector<HTMLButtonElement>('[part=remove]')!.click();
    await waitUntil(() => $<HTMLDialogElement>(el, 'dialog')!.open);
    expect($(el, 'dialog')!.textContent, 'not the last key: no warning').not.to.contain('last key');
    $<HTMLButtonElement>(el, 'dialog button.danger')!.click();
    await new Promise((r) => setTimeout(r, 50));
    expect(writes).to.equal(0);
    expect(rows(el).length).to.equal(2);
  });

  it('says in German why a key was refused, for each refusal the server has', async () => {
    const codes = ['weak_key', 'invalid_key', 'duplicate_key', 'too_many_keys'] as const;
    let next = 0;
    worker.use(
      asAdmin(),
      http.get(`${BASE}/integrations/:id/keys`, () => HttpResponse.json({ items: [] })),
      http.post(`${BASE}/integrations/:id/keys`, () => problem(codes[next]!.endsWith('keys') || codes[next] === 'duplicate_key' ? 409 : 400, codes[next++]!)),
    );
    const el = await fixture<IntegrationKeys>(html`<div lang="de"><integration-keys .admin=${admin} client-id="gk_a"></integration-keys></div>`).then((d) => d.querySelector('integration-keys')!);
    await waitUntil(() => $(el, '[part=form]') !== null);
    expect($(el, 'h3')!.textContent).to.equal('Signaturschlüssel');
    const messages: string[] = [];
    for (const code of codes) {
      paste(el, `{"kty":"RSA","n":"${code}"}`);
      const failed = oneEvent(el, 'grantkit-error');
      $<HTMLButtonElement>(el, '[part=add]')!.click();
      expect((await failed).detail.code).to.equal(code);
      await waitUntil(() => $(el, '#key-error') !== null);
      messages.push($(el, '#key-error')!.textContent!);
      expect(field(el).value, `${code}: a public key stays to be fixed`).not.to.equal('');
    }
    expect(new Set(messages).size, 'each refusal says something of its own').to.equal(codes.length);
    expect(messages[0]).to.contain('2048 Bit');
    await expect(el).to.be.accessible();
  });

  it('fits 390 px with a long key id and thumbprint', async () => {
    worker.use(asAdmin(), http.get(`${BASE}/integrations/:id/keys`, () => HttpResponse.json({ items: [key({ kid: 'k'.repeat(100) })] })));
    const el = await fixture<IntegrationKeys>(html`<div style="width: 358px"><integration-keys .admin=${admin} client-id="gk_a"></integration-keys></div>`).then((d) => d.querySelector('integration-keys')!);
    await waitUntil(() => rows(el).length === 1 && $(el, '[part=form]') !== null);
    expect(el.scrollWidth).to.be.at.most(358);
  });
});
