// Walks through the demo as a new user would, in headless Debian Chromium, and saves a
// screenshot of each state to screenshots/. Run with the server up: `npm start`, then
// `node scripts/walkthrough.mjs [http://127.0.0.1:8080]`.
import { mkdir } from 'node:fs/promises';
import puppeteer from 'puppeteer-core';

const base = process.argv[2] ?? 'http://127.0.0.1:8080';
const dir = 'screenshots';
await mkdir(dir, { recursive: true });

const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const problems = [];
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 800 });
  page.on('console', (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource') && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  // The wrong password on purpose answers 401; anything else at 400+ is a problem.
  page.on('response', async (r) => {
    if (r.status() < 400 || (r.status() === 401 && r.url().includes('/interaction/'))) return;
    // Expected: the admin API asks a page's first DPoP proofs for its nonce (RFC 9449 §9), and the SDK retries with it.
    if (r.status() === 401 && /error="use_dpop_nonce"/.test(r.headers()['www-authenticate'] ?? '')) return;
    const body = await r.text().catch(() => '');
    // Expected: the server cannot revoke JWT access tokens (RFC 7009 §2.2.1); the client accepts that.
    if (r.url().endsWith('/token/revocation') && r.status() === 400) return;
    // Expected: the walkthrough tries to delete a scope in use, and is told so.
    if (r.status() === 409 && r.request().method() === 'DELETE' && r.url().includes('/admin/v1/scopes/')) return;
    problems.push(`HTTP ${r.status()} ${r.request().method()} ${r.url()} ${body}`);
  });
  // waitForSelector re-checks on document mutations, which changes inside shadow roots do
  // not cause: poll for those instead.
  const waitDeep = (selector) =>
    page.waitForFunction(
      (sel) => sel.split(' >>> ').reduce((root, part) => (root === document ? root : root?.shadowRoot)?.querySelector(part), document),
      { polling: 100, timeout: 15_000 },
      selector,
    );
  const deepText = (selector) => page.evaluate((sel) => sel.split(' >>> ').reduce((root, part) => (root === document ? root : root?.shadowRoot)?.querySelector(part), document)?.textContent ?? '', selector);
  // The list is virtual: it renders rows only while on screen.
  const clickRow = async (name) => {
    await page.$eval('integration-list', (list) => list.scrollIntoView());
    await page.waitForFunction((n) => [...document.querySelector('integration-list').shadowRoot.querySelectorAll('[part=row]')].some((r) => r.textContent.includes(n)), { polling: 100 }, name);
    await page.evaluate((n) => [...document.querySelector('integration-list').shadowRoot.querySelectorAll('[part=row]')].find((r) => r.textContent.includes(n)).click(), name);
  };
  // A page, or one element of it (a CSS selector, ` >>> ` between shadow roots): the
  // element is scrolled into view first, so virtual lists render their rows.
  const shot = async (name, target = page) => {
    const subject = typeof target === 'string' ? await page.waitForSelector(target) : target;
    if (typeof target === 'string') {
      await subject.scrollIntoView();
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    await subject.screenshot({ path: `${dir}/${name}.png` });
    console.log(`saved ${dir}/${name}.png`);
  };

  await page.goto(`${base}/`);
  await page.waitForSelector('#signed-out:not([hidden])');
  await shot('01-signed-out');

  await Promise.all([page.waitForNavigation(), page.click('#login')]);
  await page.waitForSelector('input[name=login]');
  await shot('02-login-page');

  await page.type('input[name=login]', 'ada@example.com');
  await page.type('input[name=password]', 'wrong');
  await Promise.all([page.waitForNavigation(), page.click('button.primary')]);
  await shot('03-login-wrong-password');

  await page.type('input[name=password]', 'ada-demo');
  await Promise.all([page.waitForNavigation(), page.click('button.primary')]);
  await page.waitForSelector('#signed-in:not([hidden])');
  console.log('address after sign-in:', page.url());
  await shot('04-signed-in');

  await page.click('#call-api');
  await page.waitForSelector('#api:not([hidden])');
  await shot('05-api-called');

  await page.click('#refresh');
  await page.waitForFunction(() => document.querySelector('#events')?.textContent?.includes('tokenrefresh'));
  await shot('06-refreshed');

  await Promise.all([page.waitForNavigation(), page.click('#logout')]);
  await page.waitForSelector('button[form="op.logoutForm"]');
  await shot('07-end-session-confirm');
  await Promise.all([page.waitForNavigation(), page.click('button[form="op.logoutForm"][value=yes]')]);
  await page.waitForSelector('#signed-out:not([hidden])');
  await shot('07-signed-out-again');

  // Popup sign-in, with the demo's viewer account.
  const popupPromise = new Promise((resolve) => browser.once('targetcreated', (t) => resolve(t.page())));
  await page.click('#login-popup');
  const popup = await popupPromise;
  await popup.waitForSelector('input[name=login]', { timeout: 5000 }).catch(async (error) => {
    await shot('debug-opener');
    console.error('targets:', browser.targets().map((t) => `${t.type()} ${t.url()}`));
    throw error;
  });
  await popup.type('input[name=login]', 'vic@example.com');
  await popup.type('input[name=password]', 'vic-demo');
  await popup.click('button.primary');
  await page.waitForSelector('#signed-in:not([hidden])', { timeout: 8000 }).catch(async (error) => {
    await shot('debug-opener');
    if (!popup.isClosed()) await shot('debug-popup', popup);
    console.error('targets:', browser.targets().map((t) => `${t.type()} ${t.url()}`));
    throw error;
  });
  await shot('08-signed-in-popup');

  // The admin portal, made of grantkit elements.
  const signInAt = async (login, password) => {
    await Promise.all([page.waitForNavigation(), page.locator('oauth-login >>> [part=button]').click()]);
    await page.waitForSelector('input[name=login]');
    await page.type('input[name=login]', login);
    await page.type('input[name=password]', password);
    await Promise.all([page.waitForNavigation(), page.click('button.primary')]);
  };
  // Sign out of the app first: the admin page shares its client, so it shares the session.
  await Promise.all([page.waitForNavigation(), page.click('#logout')]);
  await page.waitForSelector('button[form="op.logoutForm"][value=yes]');
  await Promise.all([page.waitForNavigation(), page.click('button[form="op.logoutForm"][value=yes]')]);
  await page.goto(`${base}/admin`);
  await page.waitForSelector('#signed-out-note:not([hidden])');
  await shot('10-admin-signed-out');
  await signInAt('ada@example.com', 'ada-demo');
  await waitDeep('integration-list >>> [part=row]');
  await shot('11-admin-list');
  // Create an integration through the dialog.
  await page.waitForFunction(() => !document.querySelector('#create').disabled);
  await page.click('#create');
  await waitDeep('create-integration-dialog >>> dialog[open]');
  await shot('11b-create-form');
  await page.locator('create-integration-dialog >>> #name').fill('Walkthrough Robot');
  await page.locator('create-integration-dialog >>> [part~=redirect] input').fill('http://evil.example/cb');
  await page.locator('create-integration-dialog >>> button[type=submit]').click();
  await waitDeep('create-integration-dialog >>> #redirect-0-error');
  await shot('11c-create-invalid');
  await page.locator('create-integration-dialog >>> [part~=redirect] input').fill('https://robot.example.com/callback');
  await page.locator('create-integration-dialog >>> #name').click();
  await page.keyboard.press('Enter');
  await waitDeep('create-integration-dialog >>> [part=secret]').catch(async (error) => {
    await shot('debug-create');
    console.error(problems.join('\n'));
    throw error;
  });
  await shot('11d-create-secret');
  await page.locator('create-integration-dialog >>> button.primary').click();
  await page.waitForFunction(() => document.querySelector('integration-details').shadowRoot.querySelector('[part~=header] h2')?.textContent.includes('Walkthrough Robot'), { polling: 100 });
  await waitDeep('integration-details >>> [part~=rotate]');
  await shot('11e-created', '#selected');

  // Details: add a callback URL and save.
  await page.locator('integration-details >>> button.add').click();
  await page.keyboard.type('https://robot.example.com/other#x');
  await page.locator('integration-details >>> button[type=submit]').click();
  await waitDeep('integration-details >>> #redirect-1-error');
  await shot('12a-details-invalid-callback', 'integration-details');
  await page.locator('integration-details >>> [part~=redirect]:nth-of-type(2) input').fill('https://robot.example.com/other');
  await page.locator('integration-details >>> button[type=submit]').click();
  await page.waitForFunction(() => document.querySelector('integration-details').shadowRoot.querySelector('[part~=actions] [role=status]')?.textContent === 'Changes saved.', { polling: 100 });
  await shot('12b-details-saved', 'integration-details');
  // Unsaved changes, then another integration chosen: the portal asks before dropping them.
  await page.locator('integration-details >>> #description').fill('Edited, not saved yet');
  await clickRow('ERP Connector');
  await waitDeep('integration-details >>> dialog[open]');
  await shot('12c-discard-asked');
  await page.locator('integration-details >>> dialog[open] [part~=actions] button:not(.danger)').click();
  await page.waitForFunction(() => !document.querySelector('integration-details').shadowRoot.querySelector('dialog[open]'), { polling: 100 });
  const kept = await page.evaluate(() => document.querySelector('integration-details').shadowRoot.querySelector('#description').value);
  if (kept !== 'Edited, not saved yet') problems.push(`"Keep editing" lost the text: ${kept}`);
  await page.locator('integration-details >>> [part~=form] [part~=actions] button[type=button]').click();
  // Rotate from the details.
  await page.locator('integration-details >>> [part~=rotate]').click();
  await waitDeep('integration-details >>> rotate-secret-dialog >>> dialog[open]');
  await shot('13-rotate-confirm');
  // A grace period of one day: the dialog names the day the current secret stops working.
  await (await page.$('integration-details >>> rotate-secret-dialog >>> [part=grace]')).select('86400');
  await shot('13b-rotate-grace');
  await page.locator('integration-details >>> rotate-secret-dialog >>> [part=confirm]').click();
  await page.locator('integration-details >>> rotate-secret-dialog >>> button[type=submit]').click();
  await waitDeep('integration-details >>> rotate-secret-dialog >>> [part=secret]');
  await shot('14-rotate-secret-shown');
  await page.locator('integration-details >>> rotate-secret-dialog >>> button.primary').click();
  await waitDeep('integration-details >>> rotate-secret-dialog >>> dialog:not([open])');
  await shot('15-rotate-closed', 'integration-details');
  // The old secret still works for a day; end that now.
  await waitDeep('integration-details >>> [part~=end-grace]');
  await page.locator('integration-details >>> [part~=end-grace]').click();
  await waitDeep('integration-details >>> dialog[part=dialog][open]');
  await shot('15r-end-grace-confirm');
  await page.locator('integration-details >>>> dialog[part=dialog] button.danger').click();
  await page.waitForFunction(() => !document.querySelector('integration-details').shadowRoot.querySelector('[part~=end-grace]'), { polling: 100 });
  await shot('15s-grace-ended', 'integration-details');
  const leftovers = await page.evaluate(() => document.querySelector('integration-details').shadowRoot.querySelector('rotate-secret-dialog').shadowRoot.innerHTML.includes('gks_'));
  console.log('secret left in the dialog after close:', leftovers);
  // Scopes: allow one for the new integration, then try to delete one in use.
  await waitDeep('scope-manager >>> [part=allow]:not([disabled])');
  await page.locator('scope-manager >>> [part=allow]').click();
  await page.waitForFunction(() => document.querySelector('integration-details').shadowRoot.querySelector('[part~=scopes] li'), { polling: 100 });
  await shot('15a-scope-allowed', '#scopes');
  await page.locator('scope-manager >>> [part=delete]').click();
  await waitDeep('scope-manager >>> dialog[open]');
  await page.locator('scope-manager >>> dialog button.danger').click();
  await waitDeep('scope-manager >>> dialog [role=alert]');
  await shot('15c-scope-in-use');
  await page.keyboard.press('Escape');
  await page.locator('scope-manager >>> [part=toolbar] button').click();
  await waitDeep('scope-manager >>> dialog[open] #scope-name');
  await page.locator('scope-manager >>> #scope-name').fill(`reports.${Date.now() % 100000}`);
  await page.locator('scope-manager >>> #scope-urls').fill('/reports\n/reports/*');
  await shot('15d-scope-create');
  await page.locator('scope-manager >>> dialog button[type=submit]').click();
  await waitDeep('scope-manager >>> dialog:not([open])');
  // Deactivate, confirmed.
  await page.locator('integration-details >>> [part~=status-action]').click();
  await waitDeep('integration-details >>> dialog[aria-labelledby=confirm-title][open]');
  await shot('15e-deactivate-confirm');
  await page.locator('integration-details >>> dialog[aria-labelledby=confirm-title] button.danger').click();
  await waitDeep('integration-details >>> [part~=badge-inactive]');
  await shot('15f-deactivated', '#left');
  await shot('15f-deactivated-details', 'integration-details');
  // The ERP Connector has the seeded tokens: a sign-in with refreshes used, and a client-credentials token.
  await clickRow('ERP Connector');
  // A virtual list renders rows only where it is on screen: scroll once the details above it have their height.
  await page.waitForFunction(() => document.querySelector('integration-details').shadowRoot.querySelector('[part~=header] h2')?.textContent.includes('ERP Connector'), { polling: 100 });
  await page.$eval('#tokens-card', (card) => card.scrollIntoView());
  await waitDeep('token-list >>> [part=row]').catch(async (error) => {
    await shot('debug-tokens');
    console.error(await page.evaluate(() => [document.querySelector('token-list').clientId, document.querySelector('token-list').shadowRoot.innerHTML.slice(0, 600)]));
    throw error;
  });
  await shot('15b-admin-tokens', '#tokens-card');
  // Its filters: client-credentials tokens only, asked of the server.
  await page.evaluate(() => {
    const list = document.querySelector('token-list');
    const grant = list.shadowRoot.querySelectorAll('[part=filter]')[1];
    grant.value = 'client_credentials';
    grant.dispatchEvent(new Event('change'));
  });
  await page.waitForFunction(() => {
    const rows = [...document.querySelector('token-list').shadowRoot.querySelectorAll('[part=row]')];
    return rows.length > 0 && rows.every((r) => r.textContent.includes('gk_erp_connector'));
  });
  await shot('15w-admin-tokens-filtered', '#tokens-card');
  await page.evaluate(() => {
    const grant = document.querySelector('token-list').shadowRoot.querySelectorAll('[part=filter]')[1];
    grant.value = '';
    grant.dispatchEvent(new Event('change'));
  });
  await waitDeep('token-list >>> [part=revoke-all]');
  await page.locator('token-list >>> [part=revoke-all]').click();
  await waitDeep('token-list >>> dialog[open]');
  await shot('15t-revoke-all-confirm');
  await page.locator('token-list >>> dialog button[type=button]:not(.danger)').click();
  // A personal access token for a script: created, shown once, listed.
  await page.$eval('#personal', (card) => card.scrollIntoView());
  await page.locator('personal-token-list >>> [part=create]').click();
  await waitDeep('personal-token-list >>> dialog[open] #pat-name');
  await page.locator('personal-token-list >>> #pat-name').fill('nightly report script');
  await shot('15i-personal-create');
  await page.locator('personal-token-list >>> dialog button.primary').click();
  await waitDeep('personal-token-list >>> [part=secret]');
  await shot('15j-personal-shown');
  await page.locator('personal-token-list >>> dialog button.primary').click();
  await waitDeep('personal-token-list >>> [part=row]');
  await shot('15k-personal-listed', '#personal');
  // Regenerate it, on a date picked: a new value, shown once.
  await (await page.$('personal-token-list >>> [part=regenerate]')).click();
  await waitDeep('personal-token-list >>> dialog[open] #pat-days');
  await (await page.$('personal-token-list >>> #pat-days')).select('custom');
  await shot('15u-personal-regenerate');
  await page.locator('personal-token-list >>> dialog button[type=submit]').click();
  await waitDeep('personal-token-list >>> [part=secret]');
  await page.locator('personal-token-list >>> dialog button.primary').click();
  await page.waitForFunction(() => /regenerated/.test(document.querySelector('personal-token-list').shadowRoot.querySelector('[part=notice]')?.textContent ?? ''), { polling: 100 });
  await shot('15v-personal-regenerated', '#personal');
  // The whole portal in German, through the page's own switcher: the elements follow without a reload.
  await page.select('#language', 'de');
  await page.waitForFunction(() => document.querySelector('integration-list').shadowRoot.querySelector('[part=search]').getAttribute('aria-label') === 'Integrationen durchsuchen', { polling: 100 });
  await page.$eval('main', (main) => main.scrollIntoView());
  await shot('16d-portal-de');
  await page.select('#language', 'en');
  // A secretless integration: its signing keys where a secret would be.
  await clickRow('Ledger Sync');
  await waitDeep('integration-details >>> integration-keys >>> [part=row]');
  await shot('16g-details-keys', 'integration-details');
  // A native app: the kind first; localhost refused as its callback (RFC 8252 §8.3); its loopback IP taken.
  await page.click('#create');
  await waitDeep('create-integration-dialog >>> dialog[open]');
  await page.locator('create-integration-dialog >>> input[name=kind][value=native]').click();
  await page.locator('create-integration-dialog >>> #name').fill('Survey CLI');
  await page.locator('create-integration-dialog >>> [part~=redirect] input').fill('http://localhost:8080/callback');
  await page.locator('create-integration-dialog >>> button[type=submit]').click();
  await waitDeep('create-integration-dialog >>> #redirect-0-error');
  await shot('11f-create-native-refused');
  await page.locator('create-integration-dialog >>> [part~=redirect] input').fill('http://127.0.0.1/callback');
  // Where it may send people back after they sign out: the same forms as its callbacks.
  await page.locator('create-integration-dialog >>> button.add-logout').click();
  await page.keyboard.type('http://127.0.0.1/signed-out');
  await page.locator('create-integration-dialog >>> button[type=submit]').click();
  await page.waitForFunction(() => document.querySelector('integration-details').shadowRoot.querySelector('[part~=header] h2')?.textContent.includes('Survey CLI'), { polling: 100 });
  await shot('11g-native-details', 'integration-details');
  // Connected apps: the integrations Ada allowed (a seeded one), in English and German, and at phone width.
  await waitDeep('connected-apps >>> [part=row]');
  await shot('15n-connected-apps', '#connected');
  await page.$eval('#connected', (card) => card.setAttribute('lang', 'de'));
  await page.$eval('connected-apps', (el) => el.reload());
  await waitDeep('connected-apps >>> [part=row]');
  await shot('15n-connected-apps-de', '#connected');
  await page.$eval('#connected', (card) => card.removeAttribute('lang'));
  await page.$eval('connected-apps', (el) => el.reload());
  await page.setViewport({ width: 390, height: 844 });
  // The portal on a phone: the list, then an integration's details in its place, focused, with a way back.
  await page.goto(`${base}/admin`);
  await waitDeep('integration-list >>> [part=row]');
  await shot('16a-phone-list');
  await clickRow('ERP Connector');
  await page.waitForFunction(() => document.querySelector('integration-details').shadowRoot.activeElement?.textContent.includes('ERP Connector'), { polling: 100, timeout: 15_000 });
  console.log('phone: details focused; page width', await page.evaluate(() => document.documentElement.scrollWidth), 'at 390; address', new URL(page.url()).pathname);
  await shot('16b-phone-details');
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
  // German through the page's switcher, as a user would: the page's own chrome follows too.
  await page.select('#language', 'de');
  await page.waitForFunction(() => document.querySelector('integration-details').shadowRoot.querySelector('[part~=header] h2') && document.querySelector('#back')?.textContent.trim() !== '← All integrations', { polling: 100 });
  await shot('16c-phone-details-dark-de');
  // Its settings on a phone, dark and German: the kind choice and both URL lists fit.
  await page.$eval('integration-details', (el) => el.shadowRoot.querySelector('#kind').scrollIntoView());
  await shot('16i-phone-settings-dark-de');
  // The token list's filter row on a phone, dark and German: the selects wrap, nothing overflows.
  await page.$eval('#tokens-card', (card) => card.scrollIntoView());
  await waitDeep('token-list >>> [part=filters]');
  await waitDeep('token-list >>> [part=row]');
  console.log('phone: token list width', await page.$eval('token-list', (el) => el.scrollWidth), 'in', await page.$eval('token-list', (el) => el.clientWidth));
  await shot('16e-phone-tokens-dark-de', '#tokens-card');
  // The secretless one's keys on a phone, dark and German: long key ids and thumbprints wrap.
  await page.click('#back');
  await clickRow('Ledger Sync');
  await waitDeep('integration-details >>> integration-keys >>> [part=row]');
  console.log('phone: keys width', await page.$eval('integration-details', (el) => el.shadowRoot.querySelector('integration-keys').scrollWidth), 'page', await page.evaluate(() => document.documentElement.scrollWidth));
  await page.$eval('integration-details', (el) => el.shadowRoot.querySelector('integration-keys').scrollIntoView());
  await shot('16f-phone-keys-dark-de');
  // Creating starts from the kind, on a phone too: the four kinds one a row, a native app's callback hint.
  await page.click('#back');
  await page.click('#create');
  await waitDeep('create-integration-dialog >>> dialog[open]');
  await page.locator('create-integration-dialog >>> input[name=kind][value=native]').click();
  console.log('phone: create dialog width', await page.$eval('create-integration-dialog', (el) => el.shadowRoot.querySelector('dialog').scrollWidth), 'page', await page.evaluate(() => document.documentElement.scrollWidth));
  await shot('16h-phone-create-native-dark-de');
  await page.locator('create-integration-dialog >>> [part=actions] button:not(.primary)').click();
  await clickRow('Ledger Sync');
  await page.select('#language', 'en');
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
  await page.click('#back');
  await waitDeep('integration-list >>> [part=row]');
  await waitDeep('connected-apps >>> [part=row]');
  await shot('15n-connected-apps-phone', '#connected');
  await page.setViewport({ width: 1280, height: 800 });
  // A third-party integration sends Ada to sign in: she is signed in already, so the server asks for her consent.
  const consentUrl = `${base}/auth?${new URLSearchParams({
    client_id: 'gk_reporting_dashboard', redirect_uri: 'http://127.0.0.1:5173/callback', response_type: 'code', scope: 'openid reports:read',
    resource: `${base}/api`, state: 'walkthrough', code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM', code_challenge_method: 'S256',
  })}`;
  await page.goto(consentUrl);
  await page.waitForSelector('form[action$="/consent"]');
  await shot('15o-consent');
  await page.setViewport({ width: 390, height: 844 });
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
  await shot('15p-consent-phone-dark');
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
  await page.setViewport({ width: 1280, height: 800 });
  // Allow: the browser is sent back to the integration (nothing listens there in the demo) with a code.
  const back = page.waitForRequest((r) => r.url().startsWith('http://127.0.0.1:5173/callback'), { timeout: 10_000 });
  await page.click('button[value=allow]');
  const callback = new URL((await back).url());
  console.log('consent allowed; the integration gets:', [...callback.searchParams.keys()].join(', '));
  if (!callback.searchParams.get('code')) problems.push(`consent: no code in ${callback.href}`);
  await page.goto(`${base}/admin`);
  await page.waitForFunction(() => [...(document.querySelector('connected-apps')?.shadowRoot?.querySelectorAll('[part=row]') ?? [])].some((r) => r.textContent.includes('Reporting Dashboard')), { polling: 100, timeout: 15_000 });
  await shot('15q-connected-apps-two', '#connected');
  // Back to where the walkthrough was: its integration selected.
  await waitDeep('integration-list >>> [part=row]');
  await clickRow('Walkthrough Robot');
  await page.waitForFunction(() => document.querySelector('integration-details').shadowRoot.querySelector('[part~=header] h2')?.textContent.includes('Walkthrough Robot'), { polling: 100 });
  // The portal in dark mode.
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
  await shot('15l-dark-details', '#selected');
  await shot('15m-dark-left', '#left');
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
  // Delete the walkthrough's integration, by typing its name.
  await clickRow('Walkthrough Robot');
  await page.waitForFunction(() => document.querySelector('integration-details').shadowRoot.querySelector('[part~=header] h2')?.textContent.includes('Walkthrough Robot'), { polling: 100 });
  await waitDeep('integration-details >>> [part~=delete]');
  await page.locator('integration-details >>> [part~=delete]').click();
  await waitDeep('integration-details >>> #typed-name');
  await page.locator('integration-details >>> #typed-name').fill('Walkthrough Robot 1.0');
  await shot('15g-delete-confirm');
  await page.locator('integration-details >>> dialog[aria-labelledby=confirm-title] button.danger').click();
  await page.waitForFunction(() => document.querySelector('integration-details').shadowRoot.textContent.includes('was deleted'), { polling: 100 });
  await shot('15h-deleted', '#selected');

  // Sign out everywhere, then look as the viewer.
  await Promise.all([page.waitForNavigation(), page.locator('oauth-login >>> [part=button]').click()]);
  await page.waitForSelector('button[form="op.logoutForm"][value=yes]');
  await Promise.all([page.waitForNavigation(), page.click('button[form="op.logoutForm"][value=yes]')]);
  await page.goto(`${base}/admin`);
  await page.waitForSelector('#signed-out-note:not([hidden])');
  await signInAt('vic@example.com', 'vic-demo');
  await waitDeep('integration-list >>> [part=row]');
  // The secretless one: the viewer sees its keys and no way to change them.
  await clickRow('Ledger Sync');
  await waitDeep('integration-details >>> [part~=summary]');
  await waitDeep('integration-details >>> integration-keys >>> [part=row]');
  await new Promise((resolve) => setTimeout(resolve, 300));
  await shot('16-admin-viewer', '#selected');
  await shot('16b-admin-viewer-scopes', '#scopes');
  console.log('viewer sees:', (await deepText('integration-details >>> .note')).slice(0, 80));

  // The same portal as a React app (grantkit/react/elements).
  await Promise.all([page.waitForNavigation(), page.locator('oauth-login >>> [part=button]').click()]);
  await page.waitForSelector('button[form="op.logoutForm"][value=yes]');
  await Promise.all([page.waitForNavigation(), page.click('button[form="op.logoutForm"][value=yes]')]);
  await page.goto(`${base}/react`);
  await page.waitForSelector('#signed-out-note');
  await shot('17-react-signed-out');
  await signInAt('ada@example.com', 'ada-demo');
  await waitDeep('integration-list >>> [part=row]').catch(async (error) => {
    await shot('debug-react');
    console.error(page.url(), problems);
    throw error;
  });
  await clickRow('ERP Connector');
  await waitDeep('integration-details >>> [part~=rotate]').catch(async (error) => {
    await shot('debug-react');
    console.error(page.url(), problems);
    throw error;
  });
  await shot('17b-react-portal');

  // And as a Vue app, which uses the elements directly; the session carries over.
  await page.goto(`${base}/vue`);
  await waitDeep('integration-list >>> [part=row]').catch(async (error) => {
    await shot('debug-vue');
    console.error(page.url(), problems);
    throw error;
  });
  await clickRow('ERP Connector');
  await waitDeep('integration-details >>> [part~=rotate]');
  await page.waitForFunction(() => ['list', 'empty'].some((p) => document.querySelector('token-list')?.shadowRoot?.querySelector(`[part=${p}]`)), { polling: 100, timeout: 15_000 });
  await shot('18-vue-portal');
  await Promise.all([page.waitForNavigation(), page.locator('oauth-login >>> [part=button]').click()]);
  await page.waitForSelector('button[form="op.logoutForm"][value=yes]');
  await Promise.all([page.waitForNavigation(), page.click('button[form="op.logoutForm"][value=yes]')]);
  await page.goto(`${base}/vue`);
  await page.waitForSelector('#signed-out-note');
  await shot('18b-vue-signed-out');

  const stored = await page.evaluate(() => JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage }, cookie: document.cookie }));
  console.log('page storage after sign-in:', stored);
} finally {
  await browser.close();
}
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
