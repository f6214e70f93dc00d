// Runs in a dedicated Web Worker: no window, no document, no sessionStorage. Static-token
// mode must work here as in a page; sign-in must be refused with a typed error.
import { createClient, GrantkitError } from '../../src/index.js';

const sent: Array<{ url: string; authorization: string | null }> = [];
// The requests the SDK makes, recorded instead of sent.
globalThis.fetch = async (input: RequestInfo | URL) => {
  const request = input instanceof Request ? input : new Request(input);
  sent.push({ url: request.url, authorization: request.headers.get('authorization') });
  return new Response('{}', { status: 200 });
};

self.onmessage = async () => {
  const report: Record<string, unknown> = { hasDocument: typeof document !== 'undefined', hasSessionStorage: typeof sessionStorage !== 'undefined' };
  try {
    const sdk = await createClient({ token: 'gkpat_worker', allowedOrigins: ['https://api.example.test'] });
    await sdk.fetch('https://api.example.test/projects');
    await sdk.fetch('https://elsewhere.example.test/collect');
    // Relative to the worker's own location, which is not an allowed origin.
    await sdk.fetch('/relative');
    report.sent = sent;
  } catch (error) {
    report.error = String(error);
  }
  const interactive = await createClient({ issuer: 'https://id.example.test', clientId: 'spa', redirectUri: 'https://app.example.test/' }).catch((e: unknown) => e);
  report.interactive = interactive instanceof GrantkitError ? { code: interactive.code, message: interactive.message } : String(interactive);
  postMessage(report);
};
