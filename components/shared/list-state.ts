// The states every list of the elements shows around its rows, in one way: a first page that
// failed (or a caller without the role), the first load, nothing there, and below the rows a
// next page that failed (with its retry), loading, or a "Load more" button.
import { html, nothing, type TemplateResult } from 'lit';
import { renderLoadError } from './load-error.js';
import { errorMessage, type Strings } from './localize.js';
import type { PagedLoader } from './paged-loader.js';

export interface ListStateOptions {
  /** Loads the list again after a failed first page. */
  retry: () => void;
  /** What shows during the first load; a polite "Loading…" otherwise. */
  loading?: TemplateResult;
  /** Why there are no rows (nothing yet, or nothing matches). */
  empty: string;
}

/** What a list shows instead of its rows; undefined once there are rows to show. */
export function renderListState(t: Strings, loader: PagedLoader<unknown>, options: ListStateOptions): TemplateResult | undefined {
  const { status, items, error } = loader;
  if (status === 'error' && items.length === 0) return renderLoadError(t, error, options.retry);
  if (status === 'idle' || status === 'loading') return options.loading ?? html`<p class="meta" role="status">${t.common.loading}</p>`;
  // Focusable: where focus goes when the last row is revoked or deleted.
  if (items.length === 0) return html`<div part="empty" tabindex="-1"><p>${options.empty}</p></div>`;
  return undefined;
}

/**
 * Below the rows: a next page that failed, with its retry, and then either a "Load more" button
 * (`button`, for lists that page on demand) or, for lists that page as they scroll, a polite
 * line while the next page loads.
 */
export function renderListEnd(t: Strings, loader: PagedLoader<unknown>, options: { button: boolean }): TemplateResult | typeof nothing {
  const { status, error, next } = loader;
  if (status === 'error') {
    return html`<div part="error" role="alert"><p class="error">${errorMessage(t, error)}</p><button type="button" @click=${() => loader.retryMore()}>${t.common.retry}</button></div>`;
  }
  if (options.button) return next ? html`<button type="button" ?disabled=${status === 'more'} @click=${() => void loader.loadMore()}>${t.tokens.loadMore}</button>` : nothing;
  return status === 'more' ? html`<div class="more" role="status">${t.list.loadingMore}</div>` : nothing;
}
