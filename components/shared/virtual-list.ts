import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { RowHeights } from './row-heights.js';

export interface VirtualListOptions<T> {
  label: string;
  items: readonly T[];
  /** One row: an element with `role="listitem"`. */
  renderItem: (item: T, index: number) => unknown;
  /** Called when the rows shown come near the end: the place to fetch the next page. */
  onNearEnd: () => void;
}

/** Rows kept mounted above and below the visible ones, so fast scrolling shows no gaps. */
const OVERSCAN = 6;
/** Fetch the next page when this few rows remain below the visible ones. */
const NEAR_END_ROWS = 20;
/** Row height assumed before any row was measured. */
const FIRST_GUESS = 60;

/**
 * A scrolling list that mounts only the rows in view (100,000 rows stay a few dozen
 * elements). Rows may differ in height: each is measured once shown, and rows not yet shown
 * count as the average of those measured; `RowHeights` answers "where is row i" and "which
 * row is at y" in O(log n), so a scroll step costs the same at row 10 and at row 99,990.
 *
 * The rows not mounted are stood for by two empty spacers, sized through the CSSOM (which a
 * strict Content-Security-Policy allows, where it would refuse a style attribute). Spacers,
 * not margins on the first and last rows: Lit reuses row elements as the window moves, and
 * the browser's scroll anchoring took the moved margins for content that moved, and jumped.
 * Anchoring is off (`overflow-anchor: none`); this controller anchors itself, and moves the
 * view only when rows above the one at its top measure other than guessed (scrolling up
 * into rows never shown), so a wheel tick or Page Down moves by exactly what it asked for.
 */
export class VirtualList implements ReactiveController {
  readonly #host: ReactiveControllerHost & { renderRoot: ParentNode };
  readonly #heights = new RowHeights(FIRST_GUESS);
  #start = 0;
  #end = 0;
  #first: unknown;
  #onNearEnd: () => void = () => undefined;
  #pinnedToEnd = false;
  /** The row at the top of the view when last seen, and its offset then. */
  #anchor = 0;
  #anchorOffset = 0;
  /** Whether `RowHeights.estimate` was set from this list's rows yet. */
  #estimated = false;
  #resize: ResizeObserver | undefined;
  #observed: HTMLElement | undefined;

  constructor(host: ReactiveControllerHost & { renderRoot: ParentNode }) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.#resize?.disconnect();
    this.#observed = undefined;
  }

  get #list(): HTMLElement | null {
    return this.#host.renderRoot.querySelector<HTMLElement>('[part=list][role=list]');
  }

  /** The rows that cover the list's visible part, with overscan. */
  #window(): [number, number] {
    const count = this.#heights.count;
    if (count === 0) return [0, 0];
    const list = this.#list;
    const top = list?.scrollTop ?? 0;
    const height = list?.clientHeight || 600;
    const start = this.#heights.indexAt(top);
    const end = this.#heights.indexAt(top + height) + 1;
    return [Math.max(0, start - OVERSCAN), Math.min(count, end + OVERSCAN)];
  }

  render<T>(options: VirtualListOptions<T>): TemplateResult {
    const { label, items, renderItem } = options;
    // Another list (a new search) starts measuring afresh; a page appended keeps what was measured.
    if (items[0] !== this.#first) {
      this.#heights.reset(items.length);
      this.#estimated = false;
      this.#anchor = this.#anchorOffset = 0;
    } else this.#heights.resize(items.length);
    this.#first = items[0];
    this.#onNearEnd = options.onNearEnd;
    [this.#start, this.#end] = this.#window();
    const shown = items.slice(this.#start, this.#end).map((item, i) => renderItem(item, this.#start + i));
    return html`<div part="list" role="list" tabindex="0" aria-label=${label} @scroll=${this.#onScroll} @keydown=${this.#onKeydown}
      ><div class="spacer" data-spacer="above" aria-hidden="true"></div
      >${shown}<div class="spacer" data-spacer="below" aria-hidden="true"></div
    ></div>`;
  }

  readonly #onScroll = (): void => {
    const list = this.#list;
    if (list) {
      // Scrolled to the very end (End, a drag to the bottom): keep it there as rows are measured.
      this.#pinnedToEnd = list.scrollTop > 0 && list.scrollTop + list.clientHeight >= list.scrollHeight - 1;
      this.#setAnchor(list);
    }
    const [start, end] = this.#window();
    if (start !== this.#start || end !== this.#end) this.#host.requestUpdate();
  };

  /**
   * End and Home go to the real ends. The browser's own End aims at the end of the rows as
   * estimated, and the last rows, once measured, may reach further than that.
   */
  readonly #onKeydown = (event: KeyboardEvent): void => {
    const list = this.#list;
    if (!list || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    if (event.key !== 'End' && event.key !== 'Home') return;
    event.preventDefault();
    this.#pinnedToEnd = event.key === 'End';
    list.scrollTop = event.key === 'End' ? list.scrollHeight : 0;
  };

  /** Notes the row now at the top of the view, and where it is, before the window moves. */
  #setAnchor(list: HTMLElement): void {
    this.#anchor = this.#heights.indexAt(list.scrollTop);
    this.#anchorOffset = this.#heights.offset(this.#anchor);
  }

  #sizeSpacers(list: HTMLElement): void {
    const above = this.#heights.offset(this.#start);
    const below = this.#heights.total - this.#heights.offset(this.#end);
    (list.firstElementChild as HTMLElement | null)?.style.setProperty('height', `${above}px`);
    (list.lastElementChild as HTMLElement | null)?.style.setProperty('height', `${below}px`);
  }

  hostUpdated(): void {
    const list = this.#list;
    if (!list) return;
    if (list !== this.#observed) {
      // A list that changes size (a window resized, a panel opened) may show more rows.
      this.#resize ??= new ResizeObserver(() => this.#onScroll());
      this.#resize.disconnect();
      this.#resize.observe(list);
      this.#observed = list;
      // The browser's anchoring would fight the spacers; this controller anchors itself below.
      list.style.setProperty('overflow-anchor', 'none');
    }
    // Size the spacers for the new window before anything reads layout: Lit has already
    // swapped the rows, and a layout with the old spacers is shorter than the list, which the
    // browser would answer by pulling the scroll position back.
    this.#sizeSpacers(list);
    const rows = [...list.children].slice(1, -1);
    let changed = false;
    for (let i = 0; i < rows.length; i++) changed = this.#heights.set(this.#start + i, rows[i]!.getBoundingClientRect().height) || changed;
    // Unmeasured rows count as the first rows measured; fixed from then on, or every new
    // measurement would move the rows below the unmeasured ones, and the view with them.
    if (!this.#estimated && rows.length) {
      this.#heights.estimate = this.#heights.measuredAverage;
      this.#estimated = true;
    }
    if (changed) {
      this.#sizeSpacers(list);
      if (this.#pinnedToEnd && this.#end === this.#heights.count) list.scrollTop = list.scrollHeight;
      else {
        // Rows above the one the user is looking at were guessed taller or shorter than they
        // measured: move by as much, so that the row stays where the user saw it.
        const shift = this.#heights.offset(this.#anchor) - this.#anchorOffset;
        if (Math.abs(shift) >= 0.5) list.scrollTop += shift;
      }
    }
    this.#setAnchor(list);
    // Measured rows may be shorter than guessed: fill the view.
    if (changed) this.#onScroll();
    if (this.#end >= this.#heights.count - NEAR_END_ROWS) this.#onNearEnd();
  }
}
