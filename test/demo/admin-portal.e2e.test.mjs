// The admin portal demo, driven end to end as a person would: the real reference server
// (build/server), the built demo (build/demo), Debian's Chromium. Signs in at the server's
// own login page, creates an integration, rotates its secret, and then asks the real token
// endpoint: the old secret must fail and the new one work. Then looks as the viewer.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import puppeteer from 'puppeteer-core';
import { freePort } from '../support/free-port.mjs';
import { createApp } from '../../build/server/app.js';

/** Put in every page: finds `a >>> b >>> c` through shadow roots, and records CSP refusals. */
function installDeepQuery() {
  window.deep = (selector) => selector.split(' >>> ').reduce((root, part) => (root === document ? root : root?.shadowRoot)?.querySelector(part) ?? null, document);
  window.cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => window.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
}

describe('admin portal demo against the reference server', { timeout: 120_000 }, () => {
  let server;
  let origin;
  let browser;
  let page;
  const pageErrors = [];
  /** How each admin API request of the page was authorized: `DPoP` with a proof, or something else. */
  const adminAuth = [];

  before(async () => {
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    ({ server } = await createApp({ origin, demo: true }));
    await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
    browser = await puppeteer.launch({
      executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
    });
    page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('request', (request) => {
      if (!request.url().includes('/admin/v1/') || request.method() === 'OPTIONS') return;
      const headers = request.headers();
      adminAuth.push(`${headers.authorization?.split(' ')[0]} ${headers.dpop ? 'proof' : 'no proof'}`);
    });
    await page.evaluateOnNewDocument(installDeepQuery);
  });

  after(async () => {
    await browser?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
  });

  // waitForSelector misses changes inside shadow roots; polling does not.
  const waitDeep = (selector) => page.waitForFunction((sel) => window.deep(sel), { polling: 100, timeout: 15_000 }, selector);
  const waitText = (selector, text) => page.waitForFunction((sel, t) => window.deep(sel)?.textContent.includes(t), { polling: 100, timeout: 15_000 }, selector, text);
  const valueOf = (selector) => page.evaluate((sel) => window.deep(sel)?.value ?? null, selector);
  const absent = (selector) => page.evaluate((sel) => window.deep(sel) === null, selector);

  async function signIn(login, password) {
    await page.goto(`${origin}/admin`);
    await waitDeep('oauth-login >>> [part=button]');
    await Promise.all([page.waitForNavigation(), page.locator('oauth-login >>> [part=button]').click()]);
    await page.waitForSelector('input[name=login]');
    await page.type('input[name=login]', login);
    await page.type('input[name=password]', password);
    await Promise.all([page.waitForNavigation(), page.click('button.primary')]);
    await waitDeep('integration-list >>> [part=row]');
  }

  async function signOut() {
    await Promise.all([page.waitForNavigation(), page.locator('oauth-login >>> [part=button]').click()]);
    await page.waitForSelector('button[form="op.logoutForm"][value=yes]');
    await Promise.all([page.waitForNavigation(), page.click('button[form="op.logoutForm"][value=yes]')]);
  }

  const tokenStatus = async (clientId, secret) =>
    (await fetch(`${origin}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}` },
      body: 'grant_type=client_credentials',
    })).status;

  it('serves the portal under a strict Content-Security-Policy with Trusted Types, and breaks none of it', async () => {
    const response = await page.goto(`${origin}/admin`);
    const csp = response.headers()['content-security-policy'];
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.match(csp, /require-trusted-types-for 'script'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
  });

  it('creates an integration, rotates its secret, makes a personal token; the token endpoint takes only the new secret, and no secret stays behind', async () => {
    await signIn('ada@example.com', 'ada-demo');
    await page.waitForFunction(() => !document.querySelector('#create').disabled);
    await page.click('#create');
    await waitDeep('create-integration-dialog >>> dialog[open]');
    await page.locator('create-integration-dialog >>> #name').fill('E2E Robot');
    await page.locator('create-integration-dialog >>> [part~=redirect] input').fill('https://robot.example.com/callback');
    // Client credentials is the third grant; the robot's server uses it with the secret.
    await page.evaluate(() => window.deep('create-integration-dialog >>> form').querySelectorAll('fieldset input[type=checkbox]')[2].click());
    await page.locator('create-integration-dialog >>> button[type=submit]').click();
    await waitDeep('create-integration-dialog >>> [part=secret]');
    const first = await valueOf('create-integration-dialog >>> [part=secret]');
    assert.match(first, /^gks_/);
    await page.locator('create-integration-dialog >>> button.primary').click();

    await waitText('integration-details >>> [part~=header] h2', 'E2E Robot');
    const clientId = await valueOf('integration-details >>> #client-id');
    assert.match(clientId, /^gk_/);
    assert.equal(await tokenStatus(clientId, first), 200, 'the first secret works');

    await waitDeep('integration-details >>> [part~=rotate]');
    await page.locator('integration-details >>> [part~=rotate]').click();
    await waitDeep('integration-details >>> rotate-secret-dialog >>> dialog[open]');
    await page.locator('integration-details >>> rotate-secret-dialog >>> [part=confirm]').click();
    await page.locator('integration-details >>> rotate-secret-dialog >>> button[type=submit]').click();
    await waitDeep('integration-details >>> rotate-secret-dialog >>> [part=secret]');
    const second = await valueOf('integration-details >>> rotate-secret-dialog >>> [part=secret]');
    assert.match(second, /^gks_/);
    assert.notEqual(second, first);
    await page.locator('integration-details >>> rotate-secret-dialog >>> button.primary').click();
    await waitDeep('integration-details >>> rotate-secret-dialog >>> dialog:not([open])');

    assert.equal(await tokenStatus(clientId, first), 401, 'the old secret fails at once');
    assert.equal(await tokenStatus(clientId, second), 200, 'the new secret works');
    await waitText('integration-details >>> .masked', second.slice(-4));

    // A personal access token for a script: shown once, and it works at the admin API.
    await page.locator('personal-token-list >>> [part=create]').click();
    await waitDeep('personal-token-list >>> dialog[open] #pat-name');
    await page.locator('personal-token-list >>> #pat-name').fill('E2E nightly script');
    await page.locator('personal-token-list >>> dialog button.primary').click();
    await waitDeep('personal-token-list >>> [part=secret]');
    const personal = await valueOf('personal-token-list >>> [part=secret]');
    assert.match(personal, /^gkpat_/);
    await page.locator('personal-token-list >>> dialog button.primary').click();
    await waitText('personal-token-list >>> [part=list]', 'E2E nightly script');
    const me = await fetch(`${origin}/admin/v1/me`, { headers: { authorization: `Bearer ${personal}` } });
    assert.equal(me.status, 200, 'the personal token works');

    // Neither secret is left anywhere the page can read.
    const leftovers = await page.evaluate(async (secrets) => {
      const html = [];
      const walk = (root) => {
        html.push(root.innerHTML ?? '');
        for (const el of root.querySelectorAll('*')) {
          if (el.shadowRoot) walk(el.shadowRoot);
          if ('value' in el && typeof el.value === 'string') html.push(el.value);
        }
      };
      walk(document.documentElement);
      // Every IndexedDB database of the origin too (grantkit keeps the sign-in's tokens there, nothing else).
      const idb = [];
      for (const { name } of await indexedDB.databases()) {
        const db = await new Promise((resolve, reject) => Object.assign(indexedDB.open(name), { onsuccess: (e) => resolve(e.target.result), onerror: reject }));
        for (const store of db.objectStoreNames) {
          const all = await new Promise((resolve) => Object.assign(db.transaction(store).objectStore(store).getAll(), { onsuccess: (e) => resolve(e.target.result) }));
          idb.push(JSON.stringify(all));
        }
        db.close();
      }
      const stores = JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie + idb.join('');
      return secrets.filter((s) => html.join('\n').includes(s) || stores.includes(s));
    }, [first, second, personal]);
    assert.deepEqual(leftovers, []);
    // The demo signs in with DPoP: every admin API call carried the bound token and a proof.
    assert.ok(adminAuth.length > 5);
    assert.deepEqual([...new Set(adminAuth)], ['DPoP proof']);
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(await page.evaluate(() => window.cspViolations), [], 'the whole flow ran without a CSP or Trusted Types refusal');
  });

  it('shows the viewer everything read-only', async () => {
    await signOut();
    await signIn('vic@example.com', 'vic-demo');
    assert.equal(await page.$eval('#create', (b) => b.disabled), true);
    await page.locator('integration-list >>> [part=row]').click();
    await waitDeep('integration-details >>> [part~=summary]');
    for (const part of ['[part~=rotate]', '[part~=delete]', '[part~=status-action]', 'button[type=submit]', '[part~=form]']) {
      assert.equal(await absent(`integration-details >>> ${part}`), true, part);
    }
    await waitDeep('scope-manager >>> [part=allow][disabled]');
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(await page.evaluate(() => window.cspViolations), []);
  });

  it('serves the same elements as a Vue app, under the same CSP, on the same session', async () => {
    await page.goto(`${origin}/vue`);
    await waitDeep('integration-list >>> [part=row]');
    await page.locator('integration-list >>> [part=row]').click();
    await waitDeep('integration-details >>> [part~=summary]');
    await page.waitForFunction(() => window.deep('token-list >>> [part=list]') ?? window.deep('token-list >>> [part=empty]'), { polling: 100, timeout: 15_000 });
    assert.equal(await absent('integration-details >>> [part~=rotate]'), true, 'Vic still sees it read-only');
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(await page.evaluate(() => window.cspViolations), []);
  });

  const clickRow = (name) =>
    page.evaluate((n) => [...window.deep('integration-list').shadowRoot.querySelectorAll('[part=row]')].find((r) => r.textContent.includes(n)).click(), name);
  const heading = () => page.evaluate(() => window.deep('integration-details >>> [part~=header] h2')?.textContent.trim() ?? null);
  const waitHeading = (name) => waitText('integration-details >>> [part~=header] h2', name);
  const placeholderShown = () => page.evaluate(() => window.deep('integration-details >>> [part~=placeholder]') !== null);

  it('gives each integration an address: a reload, back and forward keep what is shown, and a sign-in from one comes back to it', async () => {
    await page.goto(`${origin}/admin`);
    await waitDeep('integration-details >>> [part~=placeholder]');
    assert.equal(await page.$eval('#create-from-placeholder', (b) => b.disabled), true, "the placeholder's call to action follows the permission (Vic is a viewer)");
    await waitDeep('integration-list >>> [part=row]');
    await clickRow('ERP Connector');
    await waitHeading('ERP Connector');
    assert.equal(new URL(page.url()).pathname, '/admin/integrations/gk_erp_connector');
    await clickRow('Nightly Sync');
    await waitHeading('Nightly Sync');
    assert.equal(new URL(page.url()).pathname, '/admin/integrations/gk_nightly_sync');

    await page.reload();
    await waitHeading('Nightly Sync');
    assert.equal(await page.evaluate(() => window.deep('integration-list').selected), 'gk_nightly_sync', 'the list marks it too');
    await page.goBack();
    await waitHeading('ERP Connector');
    await page.goBack();
    await page.waitForFunction(() => window.deep('integration-details >>> [part~=placeholder]'), { polling: 100, timeout: 15_000 });
    assert.equal(new URL(page.url()).pathname, '/admin');
    await page.goForward();
    await waitHeading('ERP Connector');

    // Signed out, a deep link asks for a sign-in and then shows what it names.
    await signOut();
    await page.goto(`${origin}/admin/integrations/gk_reporting_dashboard`);
    await waitDeep('oauth-login >>> [part=button]');
    await Promise.all([page.waitForNavigation(), page.locator('oauth-login >>> [part=button]').click()]);
    await page.waitForSelector('input[name=login]');
    await page.type('input[name=login]', 'ada@example.com');
    await page.type('input[name=password]', 'ada-demo');
    await Promise.all([page.waitForNavigation(), page.click('button.primary')]);
    await waitHeading('Reporting Dashboard');
    assert.equal(new URL(page.url()).pathname, '/admin/integrations/gk_reporting_dashboard');
    assert.equal(new URL(page.url()).search, '', 'the sign-in response is gone from the address');
    assert.deepEqual(pageErrors, []);
  });

  it('keeps the address naming what is on screen when back is pressed twice while it asks about unsaved changes', async () => {
    // Ada (signed in by the test before) at /admin, then ERP Connector, then Nightly Sync.
    await page.goto(`${origin}/admin`);
    await waitDeep('integration-list >>> [part=row]');
    await clickRow('ERP Connector');
    await waitHeading('ERP Connector');
    await clickRow('Nightly Sync');
    await waitHeading('Nightly Sync');
    await waitDeep('integration-details >>> button[type=submit]');
    await page.locator('integration-details >>> #description').fill('Not saved yet');
    await page.evaluate(() => history.back());
    await waitDeep('integration-details >>> dialog[open]');
    await page.evaluate(() => history.back());
    await page.waitForFunction(() => location.pathname === '/admin', { polling: 100, timeout: 5000 });
    await waitDeep('integration-details >>> dialog[open]');
    await page.locator('integration-details >>> dialog[open] button.danger').click();
    await page.waitForFunction(() => !window.deep('integration-details >>> dialog[open]'), { polling: 100, timeout: 5000 });
    const shown = await page.evaluate(() => window.deep('integration-details').clientId);
    assert.equal(shown, '', 'the last answer (discard, go to /admin) counts');
    assert.equal(new URL(page.url()).pathname, '/admin', 'and the address says so');
    assert.deepEqual(pageErrors, []);
  });

  it("passes axe in dark mode, the page's own buttons and headings included, with an integration open", async () => {
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
    try {
      await page.goto(`${origin}/admin/integrations/gk_erp_connector`);
      await waitHeading('ERP Connector');
      // Through the DevTools protocol, as the page's Trusted Types policy would refuse a script tag.
      await page.evaluate(readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));
      const violations = await page.evaluate(async () => {
        const result = await window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa'] });
        return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      });
      assert.deepEqual(violations, []);
    } finally {
      await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
    }
  });

  it('on a phone, shows the details in place of the list, focused, within the screen, with a way back', async () => {
    await page.setViewport({ width: 390, height: 844 });
    try {
      await page.goto(`${origin}/admin`);
      await page.waitForFunction(() => document.querySelector('#signed-out-note:not([hidden])') || window.deep('integration-list >>> [part=row]'), { polling: 100, timeout: 15_000 });
      if (await page.$eval('#signed-out-note', (note) => !note.hidden)) await signIn('ada@example.com', 'ada-demo');
      await waitDeep('integration-list >>> [part=row]');
      const visible = (id) => page.$eval(id, (el) => el.getClientRects().length > 0);
      assert.equal(await visible('#left'), true);
      assert.equal(await visible('#selected'), false, 'no placeholder under the list on a phone');
      await clickRow('ERP Connector');
      await waitHeading('ERP Connector');
      await page.waitForFunction(() => window.deep('integration-details')?.shadowRoot.activeElement?.matches('[part~=header] h2'), { polling: 100, timeout: 5000 });
      assert.equal(await visible('#left'), false, 'the list gave way to the details');
      assert.equal(await visible('#back'), true);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 390, `the page is ${width} px wide in a 390 px screen`);

      // A dialog sits in the middle of the screen.
      await page.locator('integration-details >>> [part~=delete]').click();
      await waitDeep('integration-details >>> dialog[open]');
      const box = await page.evaluate(() => {
        const r = window.deep('integration-details >>> dialog[open]').getBoundingClientRect();
        return { left: r.left, right: r.right };
      });
      assert.ok(box.left >= 0 && box.right <= 390, `dialog at ${box.left}–${box.right}`);
      assert.ok(Math.abs(box.left - (390 - box.right)) <= 1, `dialog centred: ${box.left} px left, ${390 - box.right} px right`);
      await page.keyboard.press('Escape');
      await page.waitForFunction(() => !window.deep('integration-details >>> dialog[open]'), { polling: 100, timeout: 5000 });

      await page.click('#back');
      await page.waitForFunction(() => document.activeElement?.id === 'integrations-title', { polling: 100, timeout: 5000 });
      assert.equal(await visible('#left'), true);
      assert.equal(new URL(page.url()).pathname, '/admin');
      assert.equal(await heading(), null);
      assert.equal(await placeholderShown(), true, 'nothing chosen any more');
      assert.deepEqual(pageErrors, []);
    } finally {
      await page.setViewport({ width: 1280, height: 900 });
    }
  });
});
