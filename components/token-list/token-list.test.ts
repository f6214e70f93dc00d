import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { createAdminClient, type Token } from '../../src/admin/index.js';
import { startWorker, worker } from '../../test/support/msw.js';
import '../shared/locales/de.js';
import './define.js';
import type { TokenList } from './token-list.js';

window.addEventListener('error', (e) => {
  if (e.message?.includes('ResizeObserver loop')) e.stopImmediatePropagation();
}, true);

const BASE = 'https://id.example.test/admin/v1';
const token = (id: string, over: Partial<Token>): Token => ({
  id, client_id: 'gk_erp', subject: 'ada', grant_type: 'authorization_code', scope: 'projects:read', issued_at: '2026-11-20T10:00:00Z', expires_at: '2099-01-01T00:00:00Z',
  expired: false, has_refresh_token: true, refresh_count_remaining: 3, ...over,
});
const TOKENS = [
  token('t-expired', { expired: true, expires_at: '2026-11-20T11:00:00Z' }),
  token('t-lifetime', { expires_at: null, refresh_count_remaining: null, subject: 'vic' }),
  token('t-norefresh', { has_refresh_token: false, refresh_count_remaining: 0, scope: '' }),
];

function serve(options: { permissions?: string[]; revokeStatus?: number } = {}): { queries: URLSearchParams[]; deleted: string[] } {
  const queries: URLSearchParams[] = [];
  const deleted: string[] = [];
  worker.resetHandlers(
    http.get(`${BASE}/me`, () => HttpResponse.json({ sub: 'x', roles: ['admin'], permissions: options.permissions ?? ['tokens:read', 'tokens:write'], auth: 'access_token' })),
    http.get(`${BASE}/tokens`, ({ request }) => {
      queries.push(new URL(request.url).searchParams);
      return HttpResponse.json({ items: TOKENS.filter((t) => !deleted.includes(t.id)), next_cursor: null });
    }),
    http.delete(`${BASE}/integrations/:id/tokens`, ({ params }) => {
      deleted.push(`all of ${String(params.id)}`, ...TOKENS.map((t) => t.id));
      return new HttpResponse(null, { status: 204 });
    }),
    http.delete(`${BASE}/tokens/:id`, ({ params }) => {
      if (options.revokeStatus) {
        return HttpResponse.json({ type: 'urn:grantkit:problem:not_found', title: 'Not found', status: 404, code: 'not_found' }, { status: options.revokeStatus, headers: { 'content-type': 'application/problem+json' } });
      }
      deleted.push(String(params.id));
      return new HttpResponse(null, { status: 204 });
    }),
  );
  return { queries, deleted };
}

const rows = (el: TokenList) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part=row]')];
const cell = (row: HTMLElement, n: number) => row.querySelectorAll('dd')[n]!.textContent!.trim();


describe('<token-list>', () => {
  before(async () => {
    await startWorker();
  });

  it('shows Expired, Lifetime, Unlimited and a missing refresh token as such, for the asked integration', async () => {
    const { queries } = serve();
    const el = await fixture<TokenList>(html`<token-list client-id="gk_erp" .admin=${createAdminClient({ baseUrl: BASE })}></token-list>`);
    await waitUntil(() => rows(el).length === 3, 'rows');
    expect(queries[0]!.get('client_id')).to.equal('gk_erp');
    const [expired, lifetime, norefresh] = rows(el);
    expect(cell(expired!, 3)).to.equal('Expired');
    expect(cell(expired!, 4)).to.equal('3');
    expect(cell(lifetime!, 3)).to.equal('Lifetime');
    expect(cell(lifetime!, 4)).to.equal('Unlimited');
    expect(cell(norefresh!, 4)).to.equal('No refresh token');
    expect(cell(norefresh!, 1)).to.equal('none');
    await waitUntil(() => el.shadowRoot!.querySelector('[part=revoke]') !== null, 'revoke offered to an admin');
    await expect(el).to.be.accessible();
  });

  it('filters by a client-id set after it connected, as frameworks do', async () => {
    const { queries } = serve();
    // As React does: connected first, the property set before its first render.
    const el = document.createElement('token-list');
    el.admin = createAdminClient({ baseUrl: BASE });
    document.body.append(el);
    el.clientId = 'gk_erp';
    await waitUntil(() => queries.at(-1)?.get('client_id') === 'gk_erp', 'the list is loaded again for the integration');
    await waitUntil(() => rows(el).length === 3);
    el.remove();
  });

  it('filters by status and grant type, asking the server, and says when the filters match nothing', async () => {
    const { queries } = serve();
    const el = await fixture<TokenList>(html`<token-list client-id="gk_erp" .admin=${createAdminClient({ baseUrl: BASE })}></token-list>`);
    await waitUntil(() => rows(el).length === 3);
    const [status, grant] = [...el.shadowRoot!.querySelectorAll<HTMLSelectElement>('[part=filter]')];
    expect([...status!.options].map((o) => o.textContent)).to.deep.equal(['Any status', 'Active', 'Expired']);
    expect([...grant!.options].map((o) => o.textContent)).to.deep.equal(['All', 'User sign-ins', 'Client credentials']);
    status!.value = 'expired';
    status!.dispatchEvent(new Event('change'));
    await waitUntil(() => queries.at(-1)?.get('status') === 'expired', 'asked for expired tokens');
    expect(el.status).to.equal('expired');
    grant!.value = 'client_credentials';
    grant!.dispatchEvent(new Event('change'));
    await waitUntil(() => queries.at(-1)?.get('grant_type') === 'client_credentials', 'and client credentials');
    expect([queries.at(-1)!.get('client_id'), queries.at(-1)!.get('status')]).to.deep.equal(['gk_erp', 'expired']);
    // A router may set them as properties too; what the server finds for them is shown.
    worker.use(http.get(`${BASE}/tokens`, () => HttpResponse.json({ items: [], next_cursor: null })));
    el.status = 'active';
    await waitUntil(() => el.shadowRoot!.querySelector('[part=empty]') !== null);
    expect(el.shadowRoot!.querySelector('[part=empty]')!.textContent!.trim()).to.equal('No token matches these filters.');
    await expect(el).to.be.accessible();
  });

  it('moved in the page while its next page loads, it loads that page again and shows both', async () => {
    const pages: Record<string, { items: Token[]; next_cursor: string | null }> = {
      '': { items: [token('p1', {}), token('p2', {})], next_cursor: 'c1' },
      c1: { items: [token('p3', {}), token('p4', {})], next_cursor: null },
    };
    let slow = true;
    worker.resetHandlers(
      http.get(`${BASE}/me`, () => HttpResponse.json({ sub: 'x', roles: ['admin'], permissions: ['tokens:read'], auth: 'access_token' })),
      http.get(`${BASE}/tokens`, async ({ request }) => {
        const cursor = new URL(request.url).searchParams.get('cursor') ?? '';
        if (cursor && slow) await new Promise((resolve) => setTimeout(resolve, 300));
        return HttpResponse.json(pages[cursor]);
      }),
    );
    const el = await fixture<TokenList>(html`<token-list .admin=${createAdminClient({ baseUrl: BASE })}></token-list>`);
    await waitUntil(() => rows(el).length >= 2);
    // Two rows are near the end: the list asks for the next page at once; the element is moved before it answers.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const elsewhere = document.createElement('div');
    document.body.append(elsewhere);
    slow = false;
    elsewhere.append(el);
    await waitUntil(() => rows(el).length === 4, 'the rows of both pages');
    elsewhere.remove();
  });

  it('a reload under a new filter that fails shows the failure, not the rows of before, and its retry loads the first page', async () => {
    const { queries } = serve();
    const el = await fixture<TokenList>(html`<token-list .admin=${createAdminClient({ baseUrl: BASE })}></token-list>`);
    await waitUntil(() => rows(el).length === 3);
    worker.use(http.get(`${BASE}/tokens`, () => HttpResponse.json({ code: 'internal_error', title: 'x', status: 500 }, { status: 500 }), { once: true }));
    el.status = 'expired';
    await waitUntil(() => el.shadowRoot!.querySelector('[part=error]') !== null, 'the failure');
    expect(rows(el), 'no rows of the unfiltered list').to.have.length(0);
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part=error] button')!.click();
    await waitUntil(() => rows(el).length === 3, 'the first page again');
    expect(queries.at(-1)!.get('status')).to.equal('expired');
    expect(queries.at(-1)!.get('cursor')).to.equal(null);
  });

  it('renders markup in users and scopes as text', async () => {
    const hostile = token('t-hostile', { subject: '<img src=x onerror="window.__pwned=1">', scope: '<script>window.__pwned=1</script>' });
    worker.resetHandlers(
      http.get(`${BASE}/me`, () => HttpResponse.json({ sub: 'x', roles: ['admin'], permissions: ['tokens:read'], auth: 'access_token' })),
      http.get(`${BASE}/tokens`, () => HttpResponse.json({ items: [hostile], next_cursor: null })),
    );
    const el = await fixture<TokenList>(html`<token-list .admin=${createAdminClient({ baseUrl: BASE })}></token-list>`);
    await waitUntil(() => rows(el).length === 1);
    expect(cell(rows(el)[0]!, 0)).to.equal('<img src=x onerror="window.__pwned=1">');
    expect(cell(rows(el)[0]!, 1)).to.equal('<script>window.__pwned=1</script>');
    expect(el.shadowRoot!.querySelector('img, script')).to.equal(null);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('revokes after confirmation, removes the row, and puts focus on the list', async () => {
    const { deleted } = serve();
    const el = await fixture<TokenList>(html`<token-list .admin=${createAdminClient({ baseUrl: BASE })}></token-list>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[part=revoke]') !== null);
    const button = el.shadowRoot!.querySelector<HTMLButtonElement>('[part=revoke]')!;
    button.focus();
    button.click();
    await waitUntil(() => el.shadowRoot!.querySelector<HTMLDialogElement>('dialog')!.open, 'the confirmation opens');
    expect(deleted).to.deep.equal([], 'nothing is revoked before confirming');
    expect(el.shadowRoot!.querySelector('#revoke-description')!.textContent).to.contain('ada');
    await expect(el).to.be.accessible();
    const revoked = oneEvent(el, 'grantkit-token-revoked');
    el.shadowRoot!.querySelector<HTMLButtonElement>('dialog button.danger')!.click();
    expect((await revoked).detail).to.deep.equal({ id: 't-expired', clientId: 'gk_erp', subject: 'ada' });
    expect(deleted).to.deep.equal(['t-expired']);
    await waitUntil(() => rows(el).length === 2);
    await waitUntil(() => el.shadowRoot!.querySelector('[part=notice]')!.textContent === 'The tokens of ada were revoked.', 'the revocation is confirmed');
    await waitUntil(() => !el.shadowRoot!.querySelector<HTMLDialogElement>('dialog')!.open);
    // The row and its button are gone (the list reuses the button for the next token), so
    // focus lands on the list rather than on another token's revoke button.
    await waitUntil(() => el.shadowRoot!.activeElement === el.shadowRoot!.querySelector('[part=list]'), 'focus on the list');
  });

  it('revokes every token of the integration after confirmation, unless the request event is cancelled', async () => {
    const { deleted } = serve();
    const el = await fixture<TokenList>(html`<token-list client-id="gk_erp" .admin=${createAdminClient({ baseUrl: BASE })}></token-list>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[part=revoke-all]') !== null, 'offered for one integration to an admin');
    const opener = el.shadowRoot!.querySelector<HTMLButtonElement>('[part=revoke-all]')!;
    opener.focus();
    opener.click();
    await waitUntil(() => el.shadowRoot!.querySelector<HTMLDialogElement>('dialog')!.open);
    expect(el.shadowRoot!.querySelector('#revoke-title')!.textContent).to.equal('Revoke every token of this integration?');
    await expect(el).to.be.accessible();
    const refuse = (e: Event) => e.preventDefault();
    el.addEventListener('grantkit-tokens-revoke-all-request', refuse);
    el.shadowRoot!.querySelector<HTMLButtonElement>('dialog button.danger')!.click();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(deleted, 'cancelled: nothing sent').to.deep.equal([]);
    el.removeEventListener('grantkit-tokens-revoke-all-request', refuse);
    const done = oneEvent(el, 'grantkit-tokens-revoked-all');
    el.shadowRoot!.querySelector<HTMLButtonElement>('dialog button.danger')!.click();
    expect((await done).detail).to.deep.equal({ clientId: 'gk_erp' });
    expect(deleted[0]).to.equal('all of gk_erp');
    await waitUntil(() => el.shadowRoot!.querySelector('[part=empty]') !== null, 'the list is empty again');
    await waitUntil(() => el.shadowRoot!.querySelector('[part=notice]')!.textContent === 'Every token of this integration was revoked.', 'confirmed');
    await waitUntil(() => el.shadowRoot!.activeElement?.matches('[part=empty]') === true, 'focus on what is left, not on <body>');
  });

  it('offers no "Revoke all" for the tokens of one user across integrations', async () => {
    serve();
    const el = await fixture<TokenList>(html`<token-list subject="ada" .admin=${createAdminClient({ baseUrl: BASE })}></token-list>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[part=revoke]') !== null);
    expect(el.shadowRoot!.querySelector('[part=revoke-all]')).to.equal(null);
  });

  it('keeps the dialog open with an explanation when revoking fails', async () => {
    serve({ revokeStatus: 404 });
    const el = await fixture<TokenList>(html`<token-list .admin=${createAdminClient({ baseUrl: BASE })}></token-list>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[part=revoke]') !== null);
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part=revoke]')!.click();
    await waitUntil(() => el.shadowRoot!.querySelector<HTMLDialogElement>('dialog')!.open);
    el.shadowRoot!.querySelector<HTMLButtonElement>('dialog button.danger')!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('dialog [role=alert]') !== null);
    expect(el.shadowRoot!.querySelector('dialog [role=alert]')!.textContent).to.equal('It no longer exists. It may have been deleted.');
    expect(el.shadowRoot!.querySelector<HTMLDialogElement>('dialog')!.open).to.equal(true);
    expect(rows(el)).to.have.length(3);
  });

  it('is read-only for a viewer, and says why (no "Revoke all" either)', async () => {
    serve({ permissions: ['tokens:read'] });
    const el = await fixture<TokenList>(html`<token-list client-id="gk_erp" .admin=${createAdminClient({ baseUrl: BASE })}></token-list>`);
    await waitUntil(() => rows(el).length === 3);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(el.shadowRoot!.querySelector('[part=revoke]')).to.equal(null);
    expect(el.shadowRoot!.querySelector('[part=revoke-all]')).to.equal(null);
    expect(el.shadowRoot!.querySelector('.note')!.textContent).to.equal('You can view tokens; revoking them needs the admin role.');
    await expect(el).to.be.accessible();
  });

  it('shows the empty and error states', async () => {
    worker.resetHandlers(
      http.get(`${BASE}/me`, () => HttpResponse.json({ sub: 'x', roles: [], permissions: [], auth: 'access_token' })),
      http.get(`${BASE}/tokens`, () => new HttpResponse(null, { status: 500 }), { once: true }),
      http.get(`${BASE}/tokens`, () => HttpResponse.json({ items: [], next_cursor: null })),
    );
    const el = await fixture<TokenList>(html`<token-list .admin=${createAdminClient({ baseUrl: BASE })}></token-list>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[part=error]') !== null);
    await expect(el).to.be.accessible();
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part=error] button')!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('[part=empty]') !== null);
    expect(el.shadowRoot!.querySelector('[part=empty]')!.textContent!.trim()).to.equal('No tokens have been issued.');
  });

  it('speaks German inside lang="de"', async () => {
    serve();
    const wrapper = await fixture<HTMLElement>(html`<div lang="de"><token-list .admin=${createAdminClient({ baseUrl: BASE })}></token-list></div>`);
    const el = wrapper.querySelector('token-list')!;
    await waitUntil(() => rows(el).length === 3);
    expect(cell(rows(el)[0]!, 3)).to.equal('Abgelaufen');
    expect(cell(rows(el)[1]!, 4)).to.equal('Unbegrenzt');
  });
});
