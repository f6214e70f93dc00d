// Runs as a module Service Worker: no window, no document, no sessionStorage, and import()
// is refused. Static-token mode must work here; sign-in must be refused with a typed error.
import { createClient, GrantkitError } from '../../src/index.js';

// The Service Worker's own types are in TypeScript's "webworker" lib, which this project (DOM) does not load.
interface WorkerMessageEvent {
  ports: readonly MessagePort[];
  waitUntil(work: Promise<unknown>): void;
}
declare const self: { addEventListener(type: 'message', listener: (event: WorkerMessageEvent) => void): void };

const sent: Array<{ url: string; authorization: string | null }> = [];
// The requests the SDK makes, recorded instead of sent.
globalThis.fetch = async (input: RequestInfo | URL) => {
  const request = input instanceof Request ? input : new Request(input);
  sent.push({ url: request.url, authorization: request.headers.get('authorization') });
  return new Response('{}', { status: 401, headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"' } });
};

self.addEventListener('message', (event) => {
  event.waitUntil((async () => {
    const report: Record<string, unknown> = { hasDocument: typeof document !== 'undefined' };
    try {
      const sdk = await createClient({ token: 'gkpat_sw', allowedOrigins: ['https://api.example.test'] });
      // A 401 with an invalid_token challenge: a static token cannot be refreshed, so it is answered as it came (no import()).
      report.status = (await sdk.fetch('https://api.example.test/projects')).status;
      await sdk.fetch('https://elsewhere.example.test/collect');
      report.sent = sent;
    } catch (error) {
      report.error = String(error);
    }
    const interactive = await createClient({ issuer: 'https://id.example.test', clientId: 'spa', redirectUri: 'https://app.example.test/' }).catch((e: unknown) => e);
    report.interactive = interactive instanceof GrantkitError ? interactive.code : String(interactive);
    event.ports[0]!.postMessage(report);
  })());
});
