import type { VisibilityChangedEvent } from '@lit-labs/virtualizer';
import { html, type ReactiveControllerHost } from 'lit';

/** Rows a list shows plainly while the virtualizer loads: enough to fill the first screen. */
const PREVIEW_ROWS = 50;

let loading: Promise<unknown> | undefined;

/**
 * Whether `<lit-virtualizer>` is ready. The first call loads it (6 KB gzip that pages
 * without a list never need) and updates the host once it is there.
 */
export function virtualizerReady(host: ReactiveControllerHost): boolean {
  if (customElements.get('lit-virtualizer')) return true;
  loading ??= import('@lit-labs/virtualizer');
  void loading.then(() => host.requestUpdate());
  return false;
}

export interface VirtualListOptions<T> {
  label: string;
  items: readonly T[];
  renderItem: (item: T) => unknown;
  /** Called when the last visible row is near the end: the place to fetch the next page. */
  onNearEnd: () => void;
}

/** Fetch the next page when the last visible row is this close to the end. */
const NEAR_END_ROWS = 20;

/**
 * A list's rows: virtualized once `<lit-virtualizer>` is loaded, the first rows plainly
 * until then. Keyboard users can focus and scroll it even when it holds no buttons.
 */
export function renderVirtualList<T>(host: ReactiveControllerHost, options: VirtualListOptions<T>) {
  const { label, items, renderItem, onNearEnd } = options;
  if (!virtualizerReady(host)) {
    return html`<div part="list" role="list" tabindex="0" aria-label=${label}>${items.slice(0, PREVIEW_ROWS).map(renderItem)}</div>`;
  }
  return html`<lit-virtualizer
    part="list"
    scroller
    role="list"
    tabindex="0"
    aria-label=${label}
    .items=${items}
    .renderItem=${renderItem}
    @visibilityChanged=${(e: VisibilityChangedEvent) => e.last >= items.length - NEAR_END_ROWS && onNearEnd()}
  ></lit-virtualizer>`;
}
