import { setupWorker } from 'msw/browser';

export const worker = setupWorker();
let started: Promise<unknown> | undefined;

/** Starts msw once per test page; any request no handler claims fails the test loudly. */
export function startWorker(): Promise<unknown> {
  started ??= worker.start({
    quiet: true,
    onUnhandledRequest: 'error',
    serviceWorker: { url: '/mockServiceWorker.js' },
  });
  return started;
}
