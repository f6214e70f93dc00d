// npm run test:consumers: grantkit as app teams meet it. The package is packed (npm pack), the
// apps in test/consumers/ are copied out of the repository (so nothing resolves from grantkit's
// own node_modules), installed from their lockfile, given the tarball (a copy, not a link), built
// with their own tools, served, and checked in Chromium against the reference server: a row of
// <integration-list>, the event a click fires, a sign-in that reaches the login page. The
// JavaScript each page loads before it is usable is weighed (gzip), against a baseline page of
// the same tool built in the same run.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import puppeteer from 'puppeteer-core';
import { freePort } from '../test/support/free-port.mjs';

const root = path.resolve(import.meta.dirname, '..');
const keep = process.argv.includes('--keep');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7).split(',');

/** Each app's folder, the command that builds it and where its output lands. */
const APPS = {
  'vite-vanilla': { out: 'dist' },
  'vite-react': { out: 'dist' },
  next: { out: 'out' },
  svelte: { out: 'dist' },
  vue: { out: 'dist' },
  solid: { out: 'dist' },
  angular: { out: 'dist/browser' },
  'plain-html': { out: '.', build: false },
  // Type tests only: its build is tsc over React, Preact and Solid JSX.
  'jsx-types': { out: null },
  // The README's code blocks, written here below, type-checked as an app would hold them.
  'readme-examples': { out: null },
};

function run(command, args, cwd, env = {}) {
  const started = Date.now();
  const result = spawnSync(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  if (result.status !== 0) {
    process.stderr.write(result.stdout + result.stderr);
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd} (exit ${result.status})`);
  }
  return { output: result.stdout + result.stderr, seconds: (Date.now() - started) / 1000 };
}

// The package as it would be published: what npm pack puts in the tarball.
if (!existsSync(path.join(root, 'dist/grantkit.js'))) run('npm', ['run', 'build'], root);
if (!existsSync(path.join(root, 'build/server/test/support.js'))) run('npx', ['tsc', '-p', 'server'], root);
const scratch = mkdtempSync(path.join(tmpdir(), 'grantkit-consumers-'));
const tarball = path.join(scratch, JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', scratch], { cwd: root, encoding: 'utf8' }))[0].filename);
const apps = path.join(scratch, 'apps');
cpSync(path.join(root, 'test/consumers'), apps, { recursive: true, filter: (src) => !/[/\\](node_modules|dist|out|\.next|\.angular)$/.test(src) });
console.log(`consumers: ${apps}`);
const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
// Each ts, tsx and js block of the README, as a module of its own (so that top-level await and
// names stay in the block); the free names the snippets use are declared in context.d.ts there.
const blocks = [...readme.matchAll(/^```(ts|tsx|js)\n([\s\S]*?)^```$/gm)];
for (const [index, [, lang, code]] of blocks.entries()) {
  const module = /^(import|export) /m.test(code) ? code : `${code}export {};\n`;
  writeFileSync(path.join(apps, 'readme-examples', `example-${String(index + 1).padStart(2, '0')}.${lang}`), module);
}
console.log(`npm ci: ${run('npm', ['ci', '--no-audit', '--no-fund'], apps).seconds} s`);
// The tarball, into the apps' one node_modules: the same step as `npm install grantkit`.
run('npm', ['install', '--no-save', '--no-audit', '--no-fund', tarball], apps);
assert.ok(!lstatSync(path.join(apps, 'node_modules/grantkit')).isSymbolicLink(), 'grantkit is installed from the tarball, not linked');
assert.ok(!existsSync(path.join(apps, 'node_modules/grantkit/src')), 'the installed package is the packed one (no sources)');

// The reference server, allowing the consumers' origin, with a token and a public integration
// whose callbacks are the consumers' sign-in pages.
const port = await freePort();
const origin = `http://127.0.0.1:${port}`;
const { api, signIn, start } = await import('../build/server/test/support.js');
const server = await start({ adminCorsOrigins: [origin] });
const call = api(server, (await signIn(server, 'ada@example.com', 'ada-demo')).access_token);
const token = (await call('POST', '/personal-tokens', { name: 'consumer apps', expires_in_days: 1, scope: ['integrations:read'] })).body.token;
assert.ok(token, 'a personal access token');
const created = await call('POST', '/integrations', {
  client_name: 'Consumer apps',
  version: '1.0',
  token_endpoint_auth_method: 'none',
  grant_types: ['authorization_code'],
  redirect_uris: [`${origin}/vite-vanilla/sign-in.html`, `${origin}/vite-react/hook.html`, `${origin}/next/`],
});
assert.equal(created.status, 201, JSON.stringify(created.body));
const clientId = created.body.client_id;
const base = `${server.origin}/admin/v1`;
const fragment = `#${new URLSearchParams({ token, base, issuer: server.origin, client: clientId })}`;

const built = {};
const results = [];
for (const [name, app] of Object.entries(APPS)) {
  if (app.build === false || (only && !only.some((o) => name.startsWith(o)))) continue;
  const { seconds } = run('npm', ['run', 'build', '-w', name], apps, {
    NEXT_TELEMETRY_DISABLED: '1',
    NG_CLI_ANALYTICS: 'false',
    NEXT_PUBLIC_GRANTKIT_ISSUER: server.origin,
    NEXT_PUBLIC_GRANTKIT_CLIENT_ID: clientId,
  });
  built[name] = seconds;
  console.log(`built ${name} in ${seconds} s`);
  if (name === 'jsx-types') results.push({ check: 'jsx-types: raw elements typed in React, Preact and Solid JSX', ok: '✓', detail: 'wrong properties and event details are type errors', ms: seconds * 1000 });
  if (name === 'readme-examples') results.push({ check: "readme-examples: the README's code type-checks", ok: '✓', detail: `${blocks.length} blocks`, ms: seconds * 1000 });
}

// The plain-HTML pages take the import map as the README gives it.
const importMap = /<script type="importmap">([\s\S]*?)<\/script>/.exec(readme)[1];
for (const page of ['import-map.html']) {
  const file = path.join(apps, 'plain-html', page);
  writeFileSync(file, readFileSync(file, 'utf8').replace('<!-- the README\'s import map -->', `<script type="importmap">${importMap}</script>`));
}

const TYPES = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.html': 'text/html', '.css': 'text/css', '.json': 'application/json', '.txt': 'text/plain', '.ico': 'image/x-icon', '.svg': 'image/svg+xml' };
const statics = createServer((req, res) => {
  const { pathname } = new URL(req.url, origin);
  // Browsers ask for it on pages that name no icon (Next's does not): nothing to see, not an error.
  if (pathname === '/favicon.ico') return res.writeHead(204).end();
  const [, first, ...rest] = pathname.split('/');
  const dir = first === 'node_modules' ? path.join(apps, 'node_modules') : APPS[first]?.out && path.join(apps, first, APPS[first].out);
  if (!dir) return res.writeHead(404).end();
  let file = path.join(dir, path.normalize(`/${rest.join('/')}`));
  if (existsSync(file) && lstatSync(file).isDirectory()) file = path.join(file, 'index.html');
  if (!file.startsWith(dir) || !existsSync(file)) return res.writeHead(404).end();
  res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' }).end(readFileSync(file));
});
await new Promise((resolve) => statics.listen(port, '127.0.0.1', resolve));

const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

/**
 * Opens a page and collects what would make a user or a developer frown: uncaught errors,
 * console errors (React's hydration warnings among them) and failed requests. `scripts` weighs
 * every script the page loaded, each gzipped as a server would send it.
 */
async function open(url) {
  const tab = await browser.newPage();
  await tab.setViewport({ width: 1280, height: 800 });
  const problems = [];
  const scripts = new Map();
  tab.on('pageerror', (e) => problems.push(e.message));
  tab.on('console', (m) => ['error', 'warn'].includes(m.type()) && problems.push(`console.${m.type()}: ${m.text()}`));
  tab.on('response', async (r) => {
    if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`);
    if (r.request().resourceType() === 'script' && r.url().startsWith(origin)) scripts.set(r.url(), r.buffer().catch(() => Buffer.alloc(0)));
  });
  await tab.goto(url, { waitUntil: 'load' });
  return {
    tab,
    problems,
    /** The scripts loaded so far, gzipped: what the page cost before it was usable. */
    async upFront() {
      await tab.waitForNetworkIdle({ idleTime: 300 });
      let bytes = 0;
      for (const body of scripts.values()) bytes += gzipSync(await body, { level: 9 }).length;
      return { bytes, files: scripts.size };
    },
  };
}

/** The user-visible check every element app shares: rows from the server, and a click that selects one. */
async function listsAndSelects(tab, beforeClick = async () => undefined) {
  const row = await tab.waitForFunction(() => document.querySelector('integration-list')?.shadowRoot?.querySelector('[part~=row]'), { timeout: 20_000 });
  assert.match(await row.evaluate((r) => r.textContent), /Consumer apps/, 'a row names the integration the server holds');
  await beforeClick();
  await row.click();
  const selected = await tab.waitForFunction(() => /^Selected gk_/.test(document.querySelector('#selected')?.textContent ?? '') && document.querySelector('#selected').textContent, { timeout: 5_000 });
  return selected.jsonValue();
}

/** A sign-in that leaves for the reference server's login page, with PKCE. */
async function reachesLogin(tab, click) {
  const authorize = new Promise((resolve) => tab.on('request', (r) => r.url().startsWith(`${server.origin}/auth`) && resolve(new URL(r.url()))));
  await Promise.all([tab.waitForNavigation({ waitUntil: 'load' }), click()]);
  const request = await authorize;
  assert.equal(request.searchParams.get('client_id'), clientId);
  assert.equal(request.searchParams.get('code_challenge_method'), 'S256');
  assert.ok(tab.url().startsWith(server.origin), `the login page: ${tab.url()}`);
  await tab.waitForSelector('input[type=password]', { timeout: 10_000 });
}

const sizes = {};
async function check(name, url, body) {
  if (only && !only.some((o) => name.startsWith(o))) return;
  const started = Date.now();
  const page = await open(`${origin}${url}${fragment}`);
  try {
    const detail = await body(page);
    assert.deepEqual(page.problems, [], `no errors, warnings or failed requests: ${page.problems.join(" | ")}`);
    results.push({ check: name, ok: '✓', detail: detail ?? '', ms: Date.now() - started });
  } catch (error) {
    results.push({ check: name, ok: '✗', detail: error.message.split('\n')[0], ms: Date.now() - started });
    process.exitCode = 1;
  } finally {
    await page.tab.close();
  }
}
const weigh = async (name, page) => (sizes[name] = await page.upFront());
/** A page whose "Sign in" button, once shown, is weighed, then clicked through to the login page. */
const signsIn = (name, url, weighAs) =>
  check(name, url, async (page) => {
    const button = await page.tab.waitForSelector('button::-p-text(Sign in)', { timeout: 10_000 });
    await weigh(weighAs, page);
    await reachesLogin(page.tab, () => button.click());
    return 'Sign in → login page';
  });
/** The same tool's page with no grantkit, weighed once it shows its text: what the others are measured against. */
const baseline = (name, url, weighAs) =>
  check(name, url, async (page) => {
    await page.tab.waitForSelector('::-p-text(Nothing here)');
    await weigh(weighAs, page);
  });

await check('vite-vanilla: <integration-list> lists and selects', '/vite-vanilla/', async (page) => {
  // Weighed once the rows show, before the click: what the page cost to become usable.
  return listsAndSelects(page.tab, () => weigh('vite: <integration-list> only', page));
});
await check('vite-vanilla: createClient + sdk.fetch', '/vite-vanilla/core.html', async (page) => {
  await page.tab.waitForFunction(() => document.querySelector('#me')?.textContent === 'Signed in as ada@example.com', { timeout: 10_000 });
  await weigh('vite: createClient + sdk.fetch', page);
  return 'Signed in as ada@example.com';
});
await signsIn('vite-vanilla: createClient signs in', '/vite-vanilla/sign-in.html', 'vite: createClient for a sign-in');
await baseline('vite-vanilla: baseline', '/vite-vanilla/baseline.html', 'vite: baseline');
await check('vite-react: wrappers list and select', '/vite-react/', async (page) => listsAndSelects(page.tab));
await check('vite-react: the raw element in JSX lists and selects', '/vite-react/raw.html', async (page) => listsAndSelects(page.tab));
await signsIn('vite-react: useAuth signs in', '/vite-react/hook.html', 'react: useAuth only');
await baseline('vite-react: baseline', '/vite-react/baseline.html', 'react: baseline');
await check('next: prerendered', '/next/', async () => {
  const html = await (await fetch(`${origin}/next/`)).text();
  assert.match(html, /<p id="account">Signing in…<\/p>/, 'useAuth prerenders its loading state');
  assert.match(html, /<oauth-login id="login"/, 'the Server Component rendered the wrapper');
  return 'loading state and <oauth-login> in the HTML';
});
await check('next: hydrates, lists, selects, signs in', '/next/', async (page) => {
  await page.tab.waitForSelector('button#account::-p-text(Sign in)', { timeout: 10_000 });
  const selected = await listsAndSelects(page.tab);
  const login = await page.tab.waitForFunction(() => document.querySelector('oauth-login')?.shadowRoot?.querySelector('button'), { timeout: 10_000 });
  await reachesLogin(page.tab, () => login.click());
  return `${selected}; <oauth-login> → login page`;
});
await check('svelte: lists and selects', '/svelte/', async (page) => listsAndSelects(page.tab));
await check('vue: lists and selects', '/vue/', async (page) => listsAndSelects(page.tab));
await check('solid: lists and selects, with a camelCase property set', '/solid/', async (page) => {
  const selected = await listsAndSelects(page.tab);
  // prop:clientType reached the element as its property (a bare clientType would have set clienttype).
  assert.equal(await page.tab.evaluate(() => document.querySelector('integration-list').clientType), 'public');
  return selected;
});
await check('angular: lists and selects', '/angular/', async (page) => listsAndSelects(page.tab));
await check('plain-html: self-contained build', '/plain-html/standalone.html', async (page) => listsAndSelects(page.tab));
await check('plain-html: import map', '/plain-html/import-map.html', async (page) => listsAndSelects(page.tab));

await browser.close();
statics.close();
await server.close();

console.table(results);
const kB = (n) => `${(n / 1024).toFixed(1)} kB`;
let budgetsMet = 0;
let budgetsMissed = 0;
const over = (page, baseline) => sizes[page] && sizes[baseline] && sizes[page].bytes - sizes[baseline].bytes;
const figures = {
  'createClient + sdk.fetch (Vite, static token)': over('vite: createClient + sdk.fetch', 'vite: baseline'),
  'createClient for a sign-in (Vite)': over('vite: createClient for a sign-in', 'vite: baseline'),
  'useAuth for a sign-in (Vite + React)': over('react: useAuth only', 'react: baseline'),
  '<integration-list> only (Vite)': over('vite: <integration-list> only', 'vite: baseline'),
};
if (Object.values(figures).every((n) => n !== undefined)) {
  console.table(Object.fromEntries(Object.entries(figures).map(([what, n]) => [what, { 'gzip over the same tool\'s empty page': kB(n) }])));
  // The hook's page and the core's sign-in page do the same work, so the difference is the hook.
  const hook = figures['useAuth for a sign-in (Vite + React)'] - figures['createClient for a sign-in (Vite)'];
  console.log(`useAuth costs ${kB(hook)} over the core alone (target: at most 2.0 kB)`);
  // The hook's budget is the issue's target; the others are today's figures with headroom, so
  // that a regression (an element pulled into the core's graph, say) fails here.
  const budgets = [
    ['useAuth over the core alone', hook, 2048],
    ['createClient + sdk.fetch', figures['createClient + sdk.fetch (Vite, static token)'], 10 * 1024],
    ['createClient for a sign-in', figures['createClient for a sign-in (Vite)'], 16 * 1024],
    ['<integration-list> only', figures['<integration-list> only (Vite)'], 22 * 1024],
  ];
  for (const [what, bytes, budget] of budgets) {
    if (bytes <= budget) budgetsMet += 1;
    else {
      console.error(`${what}: ${kB(bytes)}, over its budget of ${kB(budget)}`);
      budgetsMissed += 1;
      process.exitCode = 1;
    }
  }
}
console.log(`builds: ${Object.entries(built).map(([n, s]) => `${n} ${s} s`).join(', ')}`);
if (!keep) rmSync(scratch, { recursive: true, force: true });
const passed = results.filter((r) => r.ok === '✓').length;
// The line .ci/run adds to its count: each check, and each size budget.
console.log(`${passed + budgetsMet} passed, ${results.length - passed + budgetsMissed} failed`);
