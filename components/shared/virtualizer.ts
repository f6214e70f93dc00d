import type { ReactiveControllerHost } from 'lit';

/** Rows a list shows plainly while the virtualizer loads: enough to fill the first screen. */
export const PREVIEW_ROWS = 50;

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
