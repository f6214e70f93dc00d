import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { delay, http, HttpResponse } from 'msw';
import { createAdminClient, type Integration } from '../../src/admin/index.js';
import { startWorker, worker } from '../../test/support/msw.js';
import '../shared/locales/de.js';
import './define.js';
import type { IntegrationList } from './integration-list.js';

// A ResizeObserver can report this benign message, which mocha would count as a failure.
window.addEventListener('error', (e) => {
  if (e.message?.includes('ResizeObserver loop')) e.stopImmediatePropagation();
}, true);

const BASE = 'https://id.example.test/admin/v1';

function integration(i: number): Integration {
  return {
    client_id: `gk_${String(i).padStart(5, '0')}`, client_name: i % 7 === 0 ? `ERP Connector ${i}` : `Integration ${i}`, version: '1.0', description: '',
    kind: i % 2 ? 'single_page' : 'service', token_endpoint_auth_method: i % 2 ? 'none' : 'client_secret_basic', client_type: i % 2 ? 'public' : 'confidential',
    redirect_uris: [], post_logout_redirect_uris: [], grant_types: ['client_credentials'], access_token_lifetime: 3600, refresh_count: null, scope: '',
    status: i % 5 === 0 ? 'inactive' : 'active', client_secret_last4: null, client_secret_expires_at: 0,
    created_at: '2026-11-01T00:00:00Z', updated_at: '2026-11-01T00:00:00Z',
  };
}

/** An admin API listing `total` integrations, with cursor paging; records each request's query. */
function serve(total: number, options: { pageSize?: number; wait?: number } = {}): URLSearchParams[] {
  const requests: URLSearchParams[] = [];
  const all = Array.from({ length: total }, (_, i) => integration(i));
  worker.resetHandlers(
    http.get(`${BASE}/integrations`, async ({ request }) => {
      const query = new URL(request.url).searchParams;
      requests.push(query);
      if (options.wait) await delay(options.wait);
      const q = query.get('q')?.toLowerCase();
      const status = query.get('status');
      const type = query.get('client_type');
      const kind = query.get('kind');
      const matching = all.filter((x) => (!q || x.client_name.toLowerCase().includes(q)) && (!status || x.status === status) && (!type || x.client_type === type) && (!kind || x.kind === kind));
      if (query.get('sort') === 'name') matching.sort((a, b) => a.client_name.localeCompare(b.client_name));
      const start = Number(query.get('cursor') ?? 0);
      const size = options.pageSize ?? Number(query.get('limit'));
      const items = matching.slice(start, start + size);
      return HttpResponse.json({ items, next_cursor: start + size < matching.length ? String(start + size) : null });
    }),
  );
  return requests;
}

const admin = () => createAdminClient({ baseUrl: BASE });
const part = (el: IntegrationList, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~=${name}]`);
const rows = (el: IntegrationList) => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part=row]')];

describe('<integration-list>', () => {
  before(async () => {
    await startWorker();
  });

  it('shows a skeleton while loading, then rows with status and type badges', async () => {
    serve(3, { wait: 200 });
    const el = await fixture<IntegrationList>(html`<integration-list .admin=${admin()}></integration-list>`);
    expect(part(el, 'list')!.getAttribute('aria-busy')).to.equal('true');
    expect(el.shadowRoot!.querySelectorAll('.skeleton').length).to.equal(6);
    await expect(el).to.be.accessible();
    await waitUntil(() => rows(el).length === 3, 'rows appear');
    expect(rows(el)[0]!.querySelector('.name')!.textContent).to.equal('ERP Connector 0 1.0');
    expect([...rows(el)[0]!.querySelectorAll('[part~=badge]')].map((b) => b.textContent)).to.deep.equal(['Inactive', 'Service', 'Confidential']);
    expect([...rows(el)[1]!.querySelectorAll('[part~=badge]')].map((b) => b.textContent)).to.deep.equal(['Active', 'Single-page app', 'Public']);
    expect(part(el, 'count')!.textContent).to.equal('3 integrations');
    await expect(el).to.be.accessible();
  });

  it('in a phone-wide column, puts the badges under the name and breaks no word of it', async () => {
    serve(3);
    const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 320px"><integration-list .admin=${admin()}></integration-list></div>`);
    const el = wrapper.querySelector('integration-list')!;
    await waitUntil(() => rows(el).length === 3, 'rows appear');
    const layout = () => {
      const name = rows(el)[0]!.querySelector('.name')!;
      const badges = rows(el)[0]!.querySelector('.badges')!.getBoundingClientRect();
      return { below: badges.top >= name.getBoundingClientRect().bottom - 1, nameWidth: name.getBoundingClientRect().width };
    };
    const narrow = layout();
    expect(narrow.below, 'badges under the name').to.equal(true);
    // "ERP Connector 0 1.0" fits a 320 px row on one line once the badges are out of its way.
    expect(narrow.nameWidth).to.be.above(200);
    // The client ID may wrap only after its "_", and reads (and copies) as one string.
    const meta = rows(el)[0]!.querySelector('.meta')!;
    expect(meta.textContent).to.equal('Client ID: gk_00000');
    expect([...meta.childNodes].filter((n) => n.nodeName === 'WBR').length).to.equal(1);
    expect(meta.innerHTML.replace(/<!--[^>]*-->/g, '')).to.contain('gk_<wbr>00000');
    wrapper.style.width = '800px';
    await waitUntil(() => !layout().below, 'the badges go back beside the name');
  });

  it('fires an event when a row is chosen, and marks it', async () => {
    serve(3);
    const el = await fixture<IntegrationList>(html`<integration-list .admin=${admin()}></integration-list>`);
    await waitUntil(() => rows(el).length === 3);
    const chosen = oneEvent(el, 'grantkit-integration-select');
    rows(el)[1]!.click();
    const event = await chosen;
    expect(event.detail.clientId).to.equal('gk_00001');
    expect(event.bubbles && event.composed).to.equal(true);
    await el.updateComplete;
    await waitUntil(() => rows(el)[1]!.getAttribute('aria-current') === 'true');
  });

  it('keeps the current selection when the select event is canceled (unsaved changes elsewhere)', async () => {
    serve(3);
    const el = await fixture<IntegrationList>(html`<integration-list .admin=${admin()} selected="gk_00000"></integration-list>`);
    await waitUntil(() => rows(el).length === 3);
    const chosen = oneEvent(el, 'grantkit-integration-select');
    el.addEventListener('grantkit-integration-select', (e) => e.preventDefault(), { once: true });
    rows(el)[2]!.click();
    const event = await chosen;
    expect(event.cancelable).to.equal(true);
    await el.updateComplete;
    expect(el.selected).to.equal('gk_00000');
    expect(rows(el)[0]!.getAttribute('aria-current')).to.equal('true');
    expect(rows(el)[2]!.getAttribute('aria-current')).to.equal('false');
  });

  it('searches on the server as the user types, and says when nothing matches', async () => {
    const requests = serve(40);
    const el = await fixture<IntegrationList>(html`<integration-list .admin=${admin()}></integration-list>`);
    await waitUntil(() => rows(el).length > 0);
    const search = part(el, 'search') as HTMLInputElement;
    search.value = 'erp';
    search.dispatchEvent(new InputEvent('input'));
    await waitUntil(() => requests.some((r) => r.get('q') === 'erp'), 'a search request');
    await waitUntil(() => part(el, 'count')!.textContent === '6 integrations');
    expect(rows(el).every((r) => r.textContent!.includes('ERP Connector'))).to.equal(true);
    search.value = 'zzz';
    search.dispatchEvent(new InputEvent('input'));
    await waitUntil(() => part(el, 'empty') !== null);
    expect(part(el, 'empty')!.textContent!.trim()).to.equal('No integration matches “zzz”.');
    await expect(el).to.be.accessible();
  });

  /** An admin client whose requests' signals are kept, to see which were canceled. */
  function watchedAdmin(): { admin: ReturnType<typeof createAdminClient>; signals: AbortSignal[] } {
    const signals: AbortSignal[] = [];
    return { signals, admin: createAdminClient({ baseUrl: BASE, fetch: (input, init) => (init?.signal && signals.push(init.signal), fetch(input, init)) }) };
  }

  it('cancels the request a newer load overtakes, and shows only the newer answer', async () => {
    serve(40, { wait: 300 });
    const { admin: watched, signals } = watchedAdmin();
    const errors: Event[] = [];
    const el = await fixture<IntegrationList>(html`<integration-list .admin=${watched} @grantkit-error=${(e: Event) => errors.push(e)}></integration-list>`);
    await waitUntil(() => signals.length === 1);
    el.sort = 'name';
    await waitUntil(() => signals.length === 2, 'a second request');
    expect(signals[0]!.aborted, 'the first request is canceled').to.equal(true);
    await waitUntil(() => rows(el).length > 0);
    expect(rows(el)[0]!.textContent).to.include('ERP Connector 0');
    expect(signals[1]!.aborted).to.equal(false);
    expect(errors, 'a canceled request is no failure').to.have.length(0);
  });

  it('moved in the page mid-load, it loads again (the move canceled its request) and shows the rows', async () => {
    serve(3, { wait: 200 });
    const { admin: watched, signals } = watchedAdmin();
    const el = await fixture<IntegrationList>(html`<integration-list .admin=${watched}></integration-list>`);
    await waitUntil(() => signals.length === 1);
    const elsewhere = document.createElement('div');
    document.body.append(elsewhere);
    elsewhere.append(el);
    expect(signals[0]!.aborted, 'leaving the page cancels the request').to.equal(true);
    await waitUntil(() => rows(el).length === 3, 'rows after the move');
    expect(signals).to.have.length(2);
    elsewhere.remove();
  });

  it('filters by status and type and sorts, asking the server, and says when the filters match nothing', async () => {
    const requests = serve(20);
    const el = await fixture<IntegrationList>(html`<integration-list .admin=${admin()}></integration-list>`);
    await waitUntil(() => rows(el).length > 0);
    expect(rows(el)[0]!.textContent).to.contain('Created Nov 1, 2026');
    const [status, type, kind, sort] = [...el.shadowRoot!.querySelectorAll<HTMLSelectElement>('[part=filter]')];
    expect([status, type, kind, sort].map((s) => s!.labels![0]!.querySelector('span')!.textContent)).to.deep.equal(['Status', 'Type', 'Kind', 'Sort by']);
    expect([...kind!.options].map((o) => o.textContent)).to.deep.equal(['Any kind', 'Web application', 'Single-page app', 'Native app', 'Service']);
    await expect(el).to.be.accessible();

    const pick = async (select: HTMLSelectElement, value: string) => {
      const asked = requests.length;
      select.value = value;
      select.dispatchEvent(new Event('change'));
      await waitUntil(() => requests.length > asked && el.shadowRoot!.querySelector('[part=list][aria-busy]') === null, `the list reloads for ${value}`);
    };
    await pick(status!, 'inactive');
    await waitUntil(() => rows(el).length === 4, 'only the inactive ones: 0, 5, 10, 15');
    expect(requests.at(-1)!.get('status')).to.equal('inactive');
    await pick(type!, 'public');
    await waitUntil(() => rows(el).length === 2, 'inactive and public: 5 and 15');
    expect(el.status).to.equal('inactive');
    expect(el.clientType, 'the choice is a property a router can keep').to.equal('public');
    await pick(sort!, 'name');
    expect(requests.at(-1)!.get('sort')).to.equal('name');
    expect(requests.at(-1)!.get('client_type')).to.equal('public');
    await pick(kind!, 'service');
    await waitUntil(() => part(el, 'empty') !== null, 'public and a service: none');
    expect([requests.at(-1)!.get('kind'), el.kind]).to.deep.equal(['service', 'service']);
    await pick(type!, '');
    await waitUntil(() => rows(el).length === 2, 'inactive services: 0 and 10');
    await pick(kind!, '');
    await pick(type!, 'public');

    el.status = 'active';
    el.clientType = 'confidential';
    el.sort = 'newest';
    await waitUntil(() => requests.at(-1)!.get('status') === 'active', 'a property set by the page reloads too');
    expect(requests.at(-1)!.has('sort'), 'the default order is not sent').to.equal(false);
    const before = requests.length;
    el.status = 'active';
    await el.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(requests.length, 'the same filter again loads nothing').to.equal(before);

    serve(0);
    el.status = 'inactive';
    await waitUntil(() => part(el, 'empty') !== null);
    expect(part(el, 'empty')!.textContent!.trim()).to.equal('No integration matches these filters.');
  });

  it('says so when there are no integrations at all', async () => {
    serve(0);
    const el = await fixture<IntegrationList>(html`<integration-list .admin=${admin()}></integration-list>`);
    await waitUntil(() => part(el, 'empty') !== null);
    expect(part(el, 'empty')!.textContent!.trim()).to.equal('There are no integrations yet.');
  });

  it('explains a failure and retries', async () => {
    worker.resetHandlers(http.get(`${BASE}/integrations`, () => new HttpResponse('down', { status: 503 }), { once: true }));
    const el = await fixture<IntegrationList>(html`<integration-list .admin=${admin()}></integration-list>`);
    await waitUntil(() => part(el, 'error') !== null);
    expect(part(el, 'error')!.textContent).to.contain('Something went wrong on the server. Please try again.');
    await expect(el).to.be.accessible();
    serve(2);
    part(el, 'error')!.querySelector('button')!.click();
    await waitUntil(() => rows(el).length === 2);
  });

  it('tells a user without the needed role so, instead of showing nothing', async () => {
    worker.resetHandlers(
      http.get(`${BASE}/integrations`, () =>
        HttpResponse.json({ type: 'urn:grantkit:problem:forbidden', title: 'Forbidden', status: 403, code: 'forbidden' }, { status: 403, headers: { 'content-type': 'application/problem+json' } }),
      ),
    );
    const el = await fixture<IntegrationList>(html`<integration-list .admin=${admin()}></integration-list>`);
    await waitUntil(() => part(el, 'forbidden') !== null);
    expect(part(el, 'forbidden')!.textContent).to.contain('You need the admin role to see this.');
    expect(part(el, 'forbidden')!.querySelector('button'), 'a missing role is not fixed by retrying').to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('renders markup in names and IDs as text', async () => {
    const hostile = { ...integration(1), client_name: '<img src=x onerror="window.__pwned=1">', client_id: '<b>gk</b>' };
    worker.resetHandlers(http.get(`${BASE}/integrations`, () => HttpResponse.json({ items: [hostile], next_cursor: null })));
    const el = await fixture<IntegrationList>(html`<integration-list .admin=${admin()}></integration-list>`);
    await waitUntil(() => rows(el).length === 1);
    expect(rows(el)[0]!.textContent).to.contain('<img src=x onerror="window.__pwned=1">').and.to.contain('<b>gk</b>');
    expect(el.shadowRoot!.querySelector('img, b')).to.equal(null);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('fetches further pages as the user scrolls near the end', async () => {
    const requests = serve(130);
    const el = await fixture<IntegrationList>(html`<integration-list .admin=${admin()}></integration-list>`);
    await waitUntil(() => rows(el).length > 0);
    expect(part(el, 'count')!.textContent).to.equal('50+ integrations');
    const list = part(el, 'list')!;
    for (let i = 0; i < 40 && part(el, 'count')!.textContent !== '130 integrations'; i++) {
      list.scrollTop = list.scrollHeight;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(part(el, 'count')!.textContent).to.equal('130 integrations');
    expect(requests.map((r) => r.get('cursor'))).to.deep.equal([null, '50', '100']);
  });

  it('keeps 10,000 integrations to a few mounted rows, and reaches the last one', async () => {
    serve(10_000, { pageSize: 10_000 });
    const el = await fixture<IntegrationList>(html`<integration-list .admin=${admin()}></integration-list>`);
    await waitUntil(() => rows(el).length > 0);
    expect(part(el, 'count')!.textContent).to.equal('10000 integrations');
    expect(rows(el).length).to.be.lessThan(60);
    const list = part(el, 'list')!;
    list.scrollTop = list.scrollHeight;
    await waitUntil(() => rows(el).some((r) => r.textContent!.includes('gk_09999')), 'the last row is rendered');
    expect(rows(el).length).to.be.lessThan(60);
  });

  it('speaks German inside lang="de"', async () => {
    serve(1);
    const wrapper = await fixture<HTMLElement>(html`<div lang="de"><integration-list .admin=${admin()}></integration-list></div>`);
    const el = wrapper.querySelector('integration-list')!;
    await waitUntil(() => rows(el).length === 1);
    expect(part(el, 'count')!.textContent).to.equal('1 Integration');
    expect((part(el, 'search') as HTMLInputElement).getAttribute('aria-label')).to.equal('Integrationen durchsuchen');
  });
});
