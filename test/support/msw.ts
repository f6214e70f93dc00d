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

/**
 * After a test dispatched `beforeunload` (an element's unsaved-changes guard): msw takes that
 * event for the page going away and stops answering, so start it again.
 */
export async function restartWorker(): Promise<void> {
  await started;
  worker.stop();
  started = undefined;
  await startWorker();
}
