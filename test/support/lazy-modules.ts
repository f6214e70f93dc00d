import { http, HttpResponse } from 'msw';
import { startWorker, worker } from './msw.js';

// For the tests of the core's parts that load with import() when first needed (src/load-part.ts).

/** Makes the browser's requests for one of the core's lazily loaded modules fail, as offline. */
export function failModule(name: string): void {
  worker.use(http.get(new RegExp(`/src/${name}\\.(js|ts)(\\?|$)`), () => HttpResponse.error()));
}

/** The sign-ins this tab has started and not finished (their transactions in sessionStorage). */
export const transactions = (): string[] => Object.keys(sessionStorage).filter((key) => key.startsWith('grantkit:tx:'));

let probed: Promise<boolean> | undefined;

/**
 * Whether this browser loads a module again after a failed `import()` of it. Chromium 150
 * (Debian's, in CI) keeps the failure in its module map for the life of the page, so a part
 * of the core that failed to load stays unloadable until a reload; newer browsers retry, as
 * the HTML standard now allows. Probed once per page with a module that fails once and then
 * answers.
 */
export function browserRetriesFailedImports(): Promise<boolean> {
  probed ??= (async () => {
    await startWorker();
    let requests = 0;
    worker.use(
      http.get(/\/import-retry-probe\.js$/, () => {
        requests++;
        return requests === 1 ? HttpResponse.error() : new HttpResponse('export default 1;', { headers: { 'content-type': 'text/javascript' } });
      }),
    );
    const url = `${location.origin}/import-retry-probe.js`;
    await import(/* @vite-ignore */ url).catch(() => undefined);
    return import(/* @vite-ignore */ url).then(() => true, () => false);
  })();
  return probed;
}
