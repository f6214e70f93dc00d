import { html, type ReactiveController, type ReactiveControllerHost } from 'lit';

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
 * A scrolling list that mounts only the rows in view (10,000 rows stay a few dozen
 * elements). Rows may differ in height: each is measured once shown, and rows not yet
 * shown count as the average of those measured. The space of the rows not mounted is a
 * margin on the first and last rows mounted, set through the CSSOM, which a strict
 * Content-Security-Policy allows (a style attribute it would refuse).
 */
export class VirtualList implements ReactiveController {
  readonly #host: ReactiveControllerHost & { renderRoot: ParentNode };
  /** Measured heights by row index. */
  #heights: number[] = [];
  #measuredSum = 0;
  #measuredCount = 0;
  #start = 0;
  #end = 0;
  #count = 0;
  #first: unknown;
  #onNearEnd: () => void = () => undefined;
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

  #height(index: number): number {
    return this.#heights[index] ?? (this.#measuredCount ? this.#measuredSum / this.#measuredCount : FIRST_GUESS);
  }

  #offset(index: number): number {
    let sum = 0;
    for (let i = 0; i < index; i++) sum += this.#height(i);
    return sum;
  }

  /** The rows that cover the list's visible part, with overscan. */
  #window(count: number): [number, number] {
    const list = this.#list;
    const top = list?.scrollTop ?? 0;
    const bottom = top + (list?.clientHeight || 600);
    let start = 0;
    let y = 0;
    while (start < count && y + this.#height(start) <= top) y += this.#height(start++);
    let end = start;
    while (end < count && y < bottom) y += this.#height(end++);
    return [Math.max(0, start - OVERSCAN), Math.min(count, end + OVERSCAN)];
  }

  render<T>(options: VirtualListOptions<T>) {
    const { label, items, renderItem } = options;
    // Another list (a new search) starts measuring afresh.
    if (items[0] !== this.#first || items.length < this.#count) this.#forget();
    this.#first = items[0];
    this.#count = items.length;
    this.#onNearEnd = options.onNearEnd;
    [this.#start, this.#end] = this.#window(items.length);
    const shown = items.slice(this.#start, this.#end).map((item, i) => renderItem(item, this.#start + i));
    return html`<div part="list" role="list" tabindex="0" aria-label=${label} @scroll=${this.#onScroll}>${shown}</div>`;
  }

  #forget(): void {
    this.#heights = [];
    this.#measuredSum = 0;
    this.#measuredCount = 0;
  }

  readonly #onScroll = (): void => {
    const [start, end] = this.#window(this.#count);
    if (start !== this.#start || end !== this.#end) this.#host.requestUpdate();
  };

  hostUpdated(): void {
    const list = this.#list;
    if (!list) return;
    if (list !== this.#observed) {
      // A list that changes size (a window resized, a panel opened) may show more rows.
      this.#resize ??= new ResizeObserver(() => this.#onScroll());
      this.#resize.disconnect();
      this.#resize.observe(list);
      this.#observed = list;
    }
    const rows = list.children;
    let changed = false;
    for (let i = 0; i < rows.length; i++) {
      const index = this.#start + i;
      const height = (rows[i] as HTMLElement).offsetHeight;
      const known = this.#heights[index];
      if (known === height || height === 0) continue;
      if (known === undefined) this.#measuredCount++;
      this.#measuredSum += height - (known ?? 0);
      this.#heights[index] = height;
      changed = true;
    }
    let below = 0;
    for (let i = this.#end; i < this.#count; i++) below += this.#height(i);
    // Rows are reused as the window moves: clear what an earlier first or last row had.
    for (const row of rows) (row as HTMLElement).style.margin = '';
    (rows[0] as HTMLElement | undefined)?.style.setProperty('margin-top', `${this.#offset(this.#start)}px`);
    (rows[rows.length - 1] as HTMLElement | undefined)?.style.setProperty('margin-bottom', `${below}px`);
    // Measured rows may be shorter than guessed: fill the view.
    if (changed) this.#onScroll();
    if (this.#end >= this.#count - NEAR_END_ROWS) this.#onNearEnd();
  }
}
