// Scrolling the two virtual lists as a user does: real wheel input through the browser's input
// pipeline, the keyboard, and the scrollbar, at 600, 10,000 and 100,000 rows.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys, sendMouse } from '@web/test-runner-commands';
import type { AdminClient, Integration, Token } from '../../src/admin/index.js';
import '../integration-list/define.js';
import '../token-list/define.js';

window.addEventListener('error', (e) => {
  if (e.message?.includes('ResizeObserver loop')) e.stopImmediatePropagation();
}, true);

/** Rows of different heights: every third name or subject is long enough to wrap, some twice. */
const filler = (i: number) => ' with a name long enough to wrap'.repeat(i % 3 === 0 ? 1 + (i % 2) : 0);

function integration(i: number): Integration {
  return {
    client_id: `gk_${String(i).padStart(6, '0')}`, client_name: `Integration ${i}${filler(i)}`, version: '1.0', description: '', kind: 'service',
    token_endpoint_auth_method: 'client_secret_basic', client_type: 'confidential', redirect_uris: [], post_logout_redirect_uris: [], grant_types: ['client_credentials'],
    access_token_lifetime: 3600, refresh_count: null, scope: '', status: 'active', client_secret_last4: null, client_secret_expires_at: 0,
    created_at: '2026-11-01T00:00:00Z', updated_at: '2026-11-01T00:00:00Z',
  };
}

function token(i: number): Token {
  return {
    id: `t${i}`, client_id: 'gk_erp', subject: `user${i}${filler(i)}`, grant_type: 'authorization_code', scope: 'projects:read', issued_at: '2026-11-20T10:00:00Z',
    expires_at: '2099-01-01T00:00:00Z', expired: false, has_refresh_token: true, refresh_count_remaining: 3,
  };
}

/** An admin API with every row in one page, answered at once. */
function stubAdmin(count: number): AdminClient {
  const all = <T>(make: (i: number) => T) => async () => ({ items: Array.from({ length: count }, (_, i) => make(i)), next_cursor: null });
  const stub: Pick<AdminClient, 'getMe' | 'listIntegrations' | 'listTokens'> = {
    getMe: async () => ({ sub: 'x', roles: ['admin'], permissions: ['integrations:read', 'tokens:read'], auth: 'access_token' }),
    listIntegrations: all(integration),
    listTokens: all(token),
  };
  return stub as AdminClient;
}

type Tag = 'integration-list' | 'token-list';

async function mount(tag: Tag, count: number) {
  // Narrow, so that long names wrap and rows differ in height.
  const wrapper = await fixture<HTMLElement>(html`<div style="width: 360px"></div>`);
  const el = document.createElement(tag) as HTMLElement & { admin: AdminClient };
  el.admin = stubAdmin(count);
  wrapper.append(el);
  const list = () => el.shadowRoot!.querySelector<HTMLElement>('[part=list][role=list]');
  await waitUntil(() => list()?.querySelector('[role=listitem]'), 'rows appear', { timeout: 10_000 });
  await settle(list()!);
  return { el, list: list()! };
}

const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));

/** Waits until the list stopped scrolling (its scrollend, if it scrolled) and rendering. */
async function settle(list: HTMLElement, scrolling?: Promise<unknown>): Promise<void> {
  if (scrolling) await Promise.race([scrolling, new Promise((resolve) => setTimeout(resolve, 1000))]);
  let last = -1;
  let still = 0;
  for (let i = 0; i < 300 && still < 2; i++) {
    await frame();
    still = list.scrollTop === last ? still + 1 : 0;
    last = list.scrollTop;
  }
}

const scrollEnd = (list: HTMLElement) => new Promise((resolve) => list.addEventListener('scrollend', resolve, { once: true }));

/** The indices of the rows the user can see (aria-posinset is 1-based). */
function visible(list: HTMLElement): number[] {
  const view = list.getBoundingClientRect();
  return [...list.querySelectorAll<HTMLElement>('[role=listitem]')]
    .filter((row) => {
      const box = row.getBoundingClientRect();
      return box.bottom > view.top + 1 && box.top < view.bottom - 1;
    })
    .map((row) => Number(row.getAttribute('aria-posinset')) - 1);
}

async function wheel(list: HTMLElement, deltaY: number): Promise<void> {
  const box = list.getBoundingClientRect();
  const ended = scrollEnd(list);
  await executeServerCommand('wheel', { x: Math.round(box.left + box.width / 2), y: Math.round(box.top + box.height / 2), deltaY });
  await settle(list, ended);
}

/** Each row shown in one unbroken run of steps, in order, and none left out. */
function expectEachShownOnce(steps: number[][], count: number): void {
  const firstStep = new Map<number, number>();
  const lastStep = new Map<number, number>();
  steps.forEach((shown, step) => {
    expect(shown.length, `rows in view at step ${step}`).to.be.greaterThan(0);
    for (const index of shown) {
      if (!firstStep.has(index)) firstStep.set(index, step);
      lastStep.set(index, step);
    }
  });
  const missing = Array.from({ length: count }, (_, i) => i).filter((i) => !firstStep.has(i));
  expect(missing, 'rows never shown').to.deep.equal([]);
  for (const [index, first] of firstStep) {
    const runs = steps.slice(first, lastStep.get(index)! + 1).filter((shown) => !shown.includes(index));
    expect(runs.length, `row ${index} left the view and came back`).to.equal(0);
  }
}

for (const tag of ['integration-list', 'token-list'] as const) {
  describe(`<${tag}> scrolling`, () => {
    it('shows every one of 600 rows exactly once, in order, scrolling to the end with the wheel, each tick moving 400 px', async function () {
      this.timeout(120_000);
      const { list } = await mount(tag, 600);
      const steps = [visible(list)];
      for (let guard = 0; guard < 1000; guard++) {
        const before = list.scrollTop;
        await wheel(list, 400);
        steps.push(visible(list));
        const atEnd = list.scrollTop + list.clientHeight >= list.scrollHeight - 1;
        if (!atEnd) expect(list.scrollTop - before, `tick ${guard} from ${before} to ${list.scrollTop} of ${list.scrollHeight} - ${list.clientHeight}, shown ${visible(list)}`).to.equal(400);
        if (atEnd) break;
      }
      expect(steps.at(-1), 'the last row is in view at the end').to.include(599);
      expectEachShownOnce(steps, 600);
    });

    for (const count of [10_000, 100_000]) {
      it(`moves by what was asked for at ${count.toLocaleString('en')} rows: wheel, Page Down, End, Home and the scrollbar`, async function () {
        this.timeout(60_000);
        const { list } = await mount(tag, count);
        expect(list.querySelectorAll('[role=listitem]').length, 'a few rows mounted').to.be.lessThan(60);

        // A scrollbar drag to the middle: the thumb goes where it is dragged, and the rows there show.
        const box = list.getBoundingClientRect();
        const bar = list.offsetWidth - list.clientWidth - list.clientLeft * 2;
        expect(bar, 'the list has a scrollbar to drag').to.be.greaterThan(0);
        const thumbX = Math.round(box.right - list.clientLeft - bar / 2);
        // The thumb's top, just below the arrow button (as wide as the bar) at the top of the track.
        const grab = list.clientTop + bar + 3;
        await sendMouse({ type: 'move', position: [thumbX, Math.round(box.top + grab)] });
        await sendMouse({ type: 'down' });
        for (let y = grab; y <= box.height / 2; y += 40) await sendMouse({ type: 'move', position: [thumbX, Math.round(box.top + y)] });
        await sendMouse({ type: 'up' });
        await settle(list);
        const fraction = list.scrollTop / (list.scrollHeight - list.clientHeight);
        expect(fraction, 'the drag moved the view to about the middle, not to the end').to.be.within(0.3, 0.7);
        const middle = visible(list);
        expect(middle.length, 'rows in view after the drag').to.be.greaterThan(0);
        expect(middle[0]! / count, 'the rows in view are those at the thumb').to.be.closeTo(fraction, 0.02);

        // Wheel ticks from there: each moves 400 px, through consecutive rows.
        let shown = middle;
        for (let i = 0; i < 10; i++) {
          const before = list.scrollTop;
          await wheel(list, 400);
          expect(list.scrollTop - before, `wheel tick ${i}`).to.be.closeTo(400, 1);
          const now = visible(list);
          expect(now[0]!, 'no row skipped').to.be.within(shown[0]!, shown.at(-1)! + 1);
          shown = now;
        }

        // The keyboard, on the focused list.
        list.focus();
        await sendKeys({ press: 'End' });
        await settle(list);
        expect(visible(list), 'End shows the last row').to.include(count - 1);
        await sendKeys({ press: 'Home' });
        await settle(list);
        expect(visible(list), 'Home shows the first row').to.include(0);
        shown = visible(list);
        let step = 0;
        for (let i = 0; i < 5; i++) {
          const before = list.scrollTop;
          await sendKeys({ press: 'PageDown' });
          await settle(list);
          const moved = list.scrollTop - before;
          expect(moved, 'Page Down moves most of a screen').to.be.greaterThan(list.clientHeight / 2);
          if (i > 0) expect(moved, 'every Page Down moves as far as the first').to.be.closeTo(step, 1);
          step = moved;
          const now = visible(list);
          expect(now[0]!, 'no row skipped').to.be.within(shown[0]!, shown.at(-1)! + 1);
          shown = now;
        }
      });
    }
  });
}
