// The two virtual lists with 10,000 and 100,000 rows, against the same rows all mounted at
// once (what a list without windowing does): time from data to first rows painted, rows in
// the DOM, and every frame while bench/browser.mjs scrolls to the end with real wheel input.
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

interface Mounted {
  host: HTMLElement;
  list: HTMLElement;
  count: number;
}
let mounted: Mounted | undefined;

/** The scrolling element, and the rows in it, whichever list is mounted. */
const rowsOf = (m: Mounted) => m.list.querySelectorAll<HTMLElement>('[role=listitem]');

/** A box over the top of the page, where the mouse can reach it whatever the page holds. */
function overlay(): HTMLElement {
  const host = document.createElement('div');
  Object.assign(host.style, { position: 'fixed', top: '0', left: '0', width: '720px', zIndex: '10', background: 'Canvas' });
  document.body.append(host);
  return host;
}

async function mountElement(tag: 'integration-list' | 'token-list', count: number) {
  const answered = { at: 0 };
  const host = overlay();
  const el = document.createElement(tag) as HTMLElement & { admin: AdminClient };
  el.admin = stubAdmin(count, answered);
  host.append(el);
  const rows = () => el.shadowRoot?.querySelectorAll('[role=listitem]') ?? [];
  while (rows().length === 0) await new Promise((resolve) => requestAnimationFrame(resolve));
  const painted = await nextPaint();
  mounted = { host, list: el.shadowRoot!.querySelector<HTMLElement>('[part=list]')!, count };
  return { firstRowsMs: Math.round((painted - answered.at) * 10) / 10, rowsMounted: rows().length };
}

/** The same rows, all mounted: the baseline a windowed list is measured against. */
async function mountAll(count: number) {
  const host = overlay();
  const start = performance.now();
  const items = Array.from({ length: count }, (_, i) => integration(i));
  render(html`<div role="list">${items.map((i, n) => html`<div role="listitem" aria-posinset=${n + 1}><button type="button"><span>${i.client_name} ${i.version}</span> <span>Client ID: ${i.client_id}</span> <span>${i.status}</span> <span>${i.client_type}</span></button></div>`)}</div>`, host);
  const list = host.firstElementChild as HTMLElement;
  // Through the CSSOM: the demo's Content-Security-Policy refuses style attributes.
  list.style.height = '448px';
  list.style.overflow = 'auto';
  const painted = await nextPaint();
  mounted = { host, list, count };
  return { firstRowsMs: Math.round((painted - start) * 10) / 10, rowsMounted: rowsOf(mounted).length };
}

/** Mounts one list with `count` rows; the time from data to first rows painted, and rows in the DOM. */
export function mount(which: 'integration-list' | 'token-list' | 'baseline', count: number) {
  return which === 'baseline' ? mountAll(count) : mountElement(which, count);
}

/** Where to point the mouse: the middle of the scrolling list, in viewport pixels. */
export function target() {
  const box = mounted!.list.getBoundingClientRect();
  return { x: Math.round(box.left + box.width / 2), y: Math.round(box.top + box.height / 2), height: mounted!.list.clientHeight };
}

/**
 * The rows in view: the first and last index (0-based), -1 for none. By hit testing at the top
 * and bottom of the view, not by measuring every row: with 100,000 rows mounted, that alone
 * would cost the baseline more per frame than scrolling does.
 */
function inView(m: Mounted): [number, number] {
  const view = m.list.getBoundingClientRect();
  const root = m.list.getRootNode() as Document | ShadowRoot;
  const x = view.left + Math.min(40, view.width / 2);
  const rowAt = (y: number) => {
    const row = root.elementFromPoint(x, y)?.closest('[role=listitem]');
    return row && m.list.contains(row) ? Number(row.getAttribute('aria-posinset')) - 1 : -1;
  };
  const top = m.list.clientTop;
  return [rowAt(view.top + top + 1), rowAt(view.top + top + m.list.clientHeight - 2)];
}

let frames: { at: number[]; blank: number; running: boolean } | undefined;

/** Records every frame from now on: its time, and the rows in view then. */
export function startFrames(): void {
  const m = mounted!;
  const record = { at: [] as number[], blank: 0, running: true };
  frames = record;
  const tick = (now: number) => {
    if (!record.running) return;
    record.at.push(now);
    // A frame with no row in view is a blank list: a gap the user would see.
    if (inView(m)[0] < 0) record.blank++;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

/** Whether the list is scrolled to its end with the last row in view. */
export function atEnd(): boolean {
  const m = mounted!;
  return m.list.scrollTop + m.list.clientHeight >= m.list.scrollHeight - 1 && inView(m)[1] === m.count - 1;
}

/** Stops recording; frame times (longest, 95th percentile), frames counted, and what was shown. */
export function stopFrames() {
  const record = frames!;
  record.running = false;
  const gaps = record.at.slice(1).map((t, i) => t - record.at[i]!).sort((a, b) => a - b);
  const round = (ms: number) => Math.round(ms * 10) / 10;
  const m = mounted!;
  const result = {
    frames: record.at.length,
    longestFrameMs: round(gaps.at(-1) ?? 0),
    p95FrameMs: round(gaps[Math.floor(gaps.length * 0.95)] ?? 0),
    blankFrames: record.blank,
    rowsMountedAtEnd: rowsOf(m).length,
    lastRowShown: inView(m)[1] === m.count - 1,
    scrolledPercent: Math.round((m.list.scrollTop / Math.max(1, m.list.scrollHeight - m.list.clientHeight)) * 100),
  };
  m.host.remove();
  mounted = undefined;
  return result;
}
