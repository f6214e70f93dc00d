import { expect } from '@open-wc/testing';

// Static-token mode where scripts run off the page: a dedicated Web Worker and a Service
// Worker (Node is test/node/scripts.test.mjs). Deno and Bun are not installed here, so they
// are untested.
describe('grantkit in a Web Worker', () => {
  it('sends a static token to the allowed origins only, and refuses sign-in with config_invalid', async () => {
    const worker = new Worker(new URL('./support/static-token-worker.ts', import.meta.url), { type: 'module' });
    try {
      const report = await new Promise<Record<string, any>>((resolve, reject) => {
        worker.onmessage = (event) => resolve(event.data);
        worker.onerror = (event) => reject(new Error(event.message));
        worker.postMessage('go');
      });
      expect(report.hasDocument).to.equal(false);
      expect(report.error).to.equal(undefined);
      expect(report.sent).to.deep.equal([
        { url: 'https://api.example.test/projects', authorization: 'Bearer gkpat_worker' },
        { url: 'https://elsewhere.example.test/collect', authorization: null },
        { url: `${location.origin}/relative`, authorization: null },
      ]);
      expect(report.interactive.code).to.equal('config_invalid');
      expect(report.interactive.message).to.match(/browser page/);
    } finally {
      worker.terminate();
    }
  });
});

describe('grantkit in a Service Worker', () => {
  it('sends a static token to the allowed origins only, never needs import(), and refuses sign-in', async () => {
    // A scope of its own: msw's worker controls the test page's.
    const scope = new URL('./support/sw-scope/', import.meta.url).href;
    const registration = await navigator.serviceWorker.register(new URL('./support/static-token-sw.ts', import.meta.url), { type: 'module', scope });
    try {
      const worker = registration.installing ?? registration.waiting ?? registration.active!;
      if (worker.state !== 'activated') {
        await new Promise<void>((resolve) => worker.addEventListener('statechange', () => worker.state === 'activated' && resolve()));
      }
      const channel = new MessageChannel();
      const report = await new Promise<Record<string, any>>((resolve) => {
        channel.port1.onmessage = (event) => resolve(event.data);
        worker.postMessage('go', [channel.port2]);
      });
      expect(report.hasDocument).to.equal(false);
      expect(report.error).to.equal(undefined);
      expect(report.status).to.equal(401);
      expect(report.sent).to.deep.equal([
        { url: 'https://api.example.test/projects', authorization: 'Bearer gkpat_sw' },
        { url: 'https://elsewhere.example.test/collect', authorization: null },
      ]);
      expect(report.interactive).to.equal('config_invalid');
    } finally {
      await registration.unregister();
    }
  });
});
