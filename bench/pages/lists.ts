// The two virtual lists with 10,000 rows, against the same rows all mounted at once (what
// a list without windowing does): time from data to first rows painted, rows in the DOM,
// and the longest frame while scrolling to the end.
import { html, render } from 'lit';
import '../../components/integration-list/define.js';
import '../../components/token-list/define.js';
import type { AdminClient, Integration, Token } from '../../src/admin/index.js';

const nextPaint = () => new Promise<number>((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now()))));

function integration(i: number): Integration {
  const id = `gk_${String(i).padStart(5, '0')}`;
  return {
    client_id: id, client_name: `Integration ${i}`, version: '1.0', description: '', token_endpoint_auth_method: 'client_secret_basic', client_type: i % 3 ? 'confidential' : 'public',
    redirect_uris: [], grant_types: ['client_credentials'], access_token_lifetime: 3600, refresh_count: null, scope: '', status: i % 7 ? 'active' : 'inactive',
    client_secret_last4: 'AbCd', client_secret_expires_at: 0, previous_secret_expires_at: null, created_at: '2026-11-01T10:00:00Z', updated_at: '2026-11-01T10:00:00Z',
  };
}

function token(i: number): Token {
  return { id: `t${i}`, client_id: 'gk_erp', subject: `user${i}`, scope: 'projects:read', issued_at: '2026-11-20T10:00:00Z', expires_at: i % 5 ? '2099-01-01T00:00:00Z' : null, expired: false, has_refresh_token: true, refresh_count_remaining: i % 4 ? 3 : null };
}

/** An admin client that answers at once, with every row in one page, noting when it answered. */
function stubAdmin(count: number, answered: { at: number }): AdminClient {
  const page = <T>(make: (i: number) => T) => async () => {
    const items = Array.from({ length: count }, (_, i) => make(i));
    answered.at = performance.now();
    return { items, next_cursor: null };
  };
  return {
    getMe: async () => ({ sub: 'bench', roles: ['admin'], permissions: ['integrations:read', 'tokens:read', 'tokens:write'], auth: 'access_token' }),
    listIntegrations: page(integration),
    listTokens: page(token),
  } as unknown as AdminClient;
}

/** Scrolls a list to its end, three screens a frame (a fast fling); the longest frame seen meanwhile. */
async function scrollToEnd(list: HTMLElement, last: () => boolean): Promise<number> {
  let longest = 0;
  let previous = await nextPaint();
  for (let guard = 0; guard < 5000; guard++) {
    list.scrollTop += 3 * list.clientHeight;
    const now = await new Promise<number>((resolve) => requestAnimationFrame(resolve));
    longest = Math.max(longest, now - previous);
    previous = now;
    if (list.scrollTop + list.clientHeight >= list.scrollHeight - 1 && last()) break;
  }
  return Math.round(longest * 10) / 10;
}

async function measureElement(tag: 'integration-list' | 'token-list', count: number) {
  const answered = { at: 0 };
  const host = document.createElement('div');
  host.style.width = '720px';
  document.body.append(host);
  const el = document.createElement(tag) as HTMLElement & { admin: AdminClient };
  el.admin = stubAdmin(count, answered);
  host.append(el);
  const rows = () => el.shadowRoot?.querySelectorAll('[role=listitem]') ?? [];
  while (rows().length === 0) await new Promise((resolve) => requestAnimationFrame(resolve));
  const painted = await nextPaint();
  const mounted = rows().length;
  const list = el.shadowRoot!.querySelector<HTMLElement>('[part=list]')!;
  const longestFrameMs = await scrollToEnd(list, () => [...rows()].some((r) => r.getAttribute('aria-posinset') === String(count)));
  const result = { firstRowsMs: Math.round((painted - answered.at) * 10) / 10, rowsMounted: mounted, rowsMountedAtEnd: rows().length, longestFrameMs };
  host.remove();
  return result;
}

/** The same rows, all mounted: the baseline a windowed list is measured against. */
async function measureAllMounted(count: number) {
  const host = document.createElement('div');
  host.style.width = '720px';
  host.style.height = '448px';
  host.style.overflow = 'auto';
  document.body.append(host);
  const start = performance.now();
  const items = Array.from({ length: count }, (_, i) => integration(i));
  render(html`<div role="list">${items.map((i) => html`<div role="listitem"><button type="button"><span>${i.client_name} ${i.version}</span> <span>Client ID: ${i.client_id}</span> <span>${i.status}</span> <span>${i.client_type}</span></button></div>`)}</div>`, host);
  const painted = await nextPaint();
  const mounted = host.querySelectorAll('[role=listitem]').length;
  const longestFrameMs = await scrollToEnd(host, () => true);
  host.remove();
  return { firstRowsMs: Math.round((painted - start) * 10) / 10, rowsMounted: mounted, rowsMountedAtEnd: mounted, longestFrameMs };
}

export function list(which: 'integration-list' | 'token-list' | 'baseline', count: number) {
  return which === 'baseline' ? measureAllMounted(count) : measureElement(which, count);
}
