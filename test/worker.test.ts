import { expect } from '@open-wc/testing';

// Static-token mode where scripts run off the page: a dedicated Web Worker (Node is
// test/node/scripts.test.mjs). Deno and Bun are not installed here, so they are untested.
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
