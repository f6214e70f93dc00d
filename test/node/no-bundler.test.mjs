// grantkit on a page with no bundler: a static folder, <script type="module">, nothing else.
// Two ways, as the README shows them: the self-contained build (dist/browser/, no import map),
// and the regular build with an import map for its dependencies. Each page signs its admin
// client in with a personal access token (static-token mode), lists the reference server's
// integrations in <integration-list>, and gets the selection event a click fires.
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import puppeteer from 'puppeteer-core';
import { api, signIn, start } from '../../build/server/test/support.js';
import { freePort } from '../support/free-port.mjs';
import { dynamicImports, staticImports } from '../support/module-imports.mjs';

const root = path.resolve(import.meta.dirname, '../..');

/** The import map as the README gives it, read from the README, so the two cannot drift apart. */
const readme = await readFile(path.join(root, 'README.md'), 'utf8');
const IMPORT_MAP = JSON.parse(/<script type="importmap">([\s\S]*?)<\/script>/.exec(readme)[1]);

function page(scripts, head = '') {
  return `<!doctype html><html lang="en"><meta charset="utf-8"><link rel="icon" href="data:,"><title>no bundler</title>${head}
<integration-list></integration-list>
<script type="module">
${scripts}
const [, token, baseUrl] = location.hash.match(/token=([^&]+)&base=(.+)/);
const sdk = await createClient({ token, allowedOrigins: [new URL(decodeURIComponent(baseUrl)).origin] });
const list = document.querySelector('integration-list');
list.addEventListener('grantkit-integration-select', (e) => (document.title = 'selected ' + e.detail.clientId));
list.admin = createAdminClient({ baseUrl: decodeURIComponent(baseUrl), fetch: sdk.fetch });
</script></html>`;
}

const PAGES = {
  '/standalone.html': page(`import { createClient } from '/dist/browser/grantkit.js';
import { createAdminClient } from '/dist/browser/admin.js';
import '/dist/browser/components.js';`),
  '/import-map.html': page(`import { createClient } from '/dist/grantkit.js';
import { createAdminClient } from '/dist/admin.js';
import '/dist/components.js';`, `<script type="importmap">${JSON.stringify(IMPORT_MAP)}</script>`),
};

const TYPES = { '.js': 'text/javascript', '.html': 'text/html', '.map': 'application/json' };

describe('grantkit with no bundler', { timeout: 120_000 }, () => {
  let server;
  let statics;
  let origin;
  let browser;
  let token;

  before(async () => {
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    // Only dist/ and node_modules/ are served, as a static host would serve them.
    statics = createServer(async (req, res) => {
      const { pathname } = new URL(req.url, origin);
      if (PAGES[pathname]) return res.writeHead(200, { 'content-type': 'text/html' }).end(PAGES[pathname]);
      const file = path.join(root, path.normalize(pathname));
      if (!/^\/(dist|node_modules)\//.test(pathname) || !file.startsWith(root)) return res.writeHead(404).end();
      try {
        res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(await readFile(file));
      } catch {
        res.writeHead(404).end();
      }
    });
    await new Promise((resolve) => statics.listen(port, '127.0.0.1', resolve));
    server = await start({ adminCorsOrigins: [origin] });
    const session = await signIn(server, 'ada@example.com', 'ada-demo');
    token = (await api(server, session.access_token)('POST', '/personal-tokens', { name: 'no-bundler page', expires_in_days: 1 })).body.token;
    browser = await puppeteer.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'] });
  });
  after(async () => {
    await browser?.close();
    statics?.close();
    await server?.close();
  });

  it('the self-contained build has no bare import left for a browser to fail on', async () => {
    const dir = path.join(root, 'dist/browser');
    const files = [...(await readdir(dir, { recursive: true }))].filter((f) => f.endsWith('.js'));
    assert.ok(files.length > 4);
    for (const file of files) {
      const code = await readFile(path.join(dir, file), 'utf8');
      const specifiers = [...staticImports(code), ...dynamicImports(code)];
      assert.ok(file.includes('/') || specifiers.length > 0, `${file} imports its chunks`);
      const bare = specifiers.filter((s) => !s.startsWith('.') && !s.startsWith('/'));
      assert.deepEqual(bare, [], file);
      assert.ok(!code.includes('Lit is in dev mode'), `${file}: Lit's production build`);
    }
  });

  for (const pathname of Object.keys(PAGES)) {
    it(`${pathname}: lists the server's integrations and fires the selection event`, async () => {
      const tab = await browser.newPage();
      const errors = [];
      tab.on('pageerror', (e) => errors.push(e.message));
      tab.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      tab.on('response', (r) => r.status() >= 400 && errors.push(`${r.status()} ${r.url()}`));
      try {
        await tab.goto(`${origin}${pathname}#token=${token}&base=${encodeURIComponent(`${server.origin}/admin/v1`)}`);
        const row = await tab.waitForFunction(() => document.querySelector('integration-list')?.shadowRoot?.querySelector('[part=row]'), { timeout: 15_000 });
        const text = await row.evaluate((r) => r.textContent);
        assert.match(text, /gk_/, 'a row with a client ID');
        await row.click();
        await tab.waitForFunction(() => document.title.startsWith('selected gk_'), { timeout: 5_000 });
        assert.deepEqual(errors, []);
      } finally {
        await tab.close();
      }
    });
  }
});
