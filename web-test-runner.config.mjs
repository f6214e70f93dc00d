import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { reactModulesPlugin } from './test/support/react-modules.mjs';
import { startTestProvider } from './test/support/test-provider.mjs';
import { freePort } from './test/support/free-port.mjs';
import { fileURLToPath } from 'node:url';
import { generateKeyPairSync } from 'node:crypto';

// Free ports, never fixed ones: several test runs (worktrees, CI beside a developer) share a machine.
const PORT = await freePort();
const PROVIDER_PORT = await freePort();
const REFERENCE_PORT = await freePort();
const APP_ORIGIN = `http://localhost:${PORT}`;
const mswWorker = fileURLToPath(new URL('./node_modules/msw/lib/mockServiceWorker.js', import.meta.url));

let provider;
let reference;

/**
 * The reference server (server/, built by `npm run build:server`, which `npm test` runs
 * first), for browser tests of the admin client and the elements against the real API.
 */
async function startReferenceServer() {
  const { createApp } = await import('./build/server/app.js');
  const origin = `http://localhost:${REFERENCE_PORT}`;
  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  // Admin tokens live 600 s by default; a slow browser run outlasts that.
  const app = await createApp({ origin, signingKey, demo: true, adminTokenTtl: 3600, adminCorsOrigins: [APP_ORIGIN] });
  await new Promise((resolve) => app.server.listen(REFERENCE_PORT, '127.0.0.1', resolve));
  // Real tokens from a real sign-in through the login page: the admin API takes nothing less
  // (typ at+jwt, an admin portal's client_id, the admin scope and a live grant).
  const { signIn } = await import('./build/server/test/support.js');
  const token = async (login, password) => (await signIn({ origin, adminAudience: app.adminAudience }, login, password)).access_token;
  return { app, origin, adminToken: await token('ada@example.com', 'ada-demo'), viewerToken: await token('vic@example.com', 'vic-demo'), close: () => new Promise((r) => { app.server.closeAllConnections(); app.server.close(r); }) };
}

/** Runs the test provider beside the test server and lets tests drive it. */
function testProviderPlugin() {
  return {
    name: 'grantkit-test-provider',
    async serverStart() {
      provider = await startTestProvider({ port: PROVIDER_PORT, appOrigin: APP_ORIGIN });
      reference = await startReferenceServer();
    },
    async serverStop() {
      await provider?.close();
      await reference?.close();
    },
    async executeCommand({ command, payload, session }) {
      switch (command) {
        case 'provider-info':
          return { issuer: provider.issuer, otherOrigin: `http://127.0.0.1:${PROVIDER_PORT}` };
        case 'reference-info':
          return { origin: reference.origin, baseUrl: reference.app.adminAudience, adminToken: reference.adminToken, viewerToken: reference.viewerToken };
        case 'reference-client-credentials': {
          // The server answers only as its configured origin (Host included): ask it there.
          const response = await fetch(`${reference.origin}/token`, {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from(`${payload.clientId}:${payload.secret}`).toString('base64')}` },
            body: 'grant_type=client_credentials',
          });
          return response.status;
        }
        case 'reference-key-assertion': {
          // What a secretless app does at the token endpoint: a client assertion (RFC 7523) signed with its private key.
          const { SignJWT, importJWK } = await import('jose');
          const key = await importJWK(payload.privateJwk, payload.alg);
          const assertion = await new SignJWT({ jti: crypto.randomUUID() })
            .setProtectedHeader({ alg: payload.alg })
            .setIssuer(payload.clientId).setSubject(payload.clientId).setAudience(reference.origin)
            .setIssuedAt().setExpirationTime('1m')
            .sign(key);
          const response = await fetch(`${reference.origin}/token`, {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams({ grant_type: 'client_credentials', client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer', client_assertion: assertion }),
          });
          return response.status;
        }
        case 'reference-connect-app': {
          // A third-party integration that the admin allows through the real consent page.
          const { api, signIn } = await import('./build/server/test/support.js');
          const server = { origin: reference.origin, adminAudience: reference.app.adminAudience };
          const admin = api(server, reference.adminToken);
          const created = await admin('POST', '/integrations', {
            client_name: payload.name, version: '2.0', description: 'Exports your reports.', token_endpoint_auth_method: 'none',
            grant_types: ['authorization_code', 'refresh_token'], redirect_uris: ['http://127.0.0.1:9/callback'],
          });
          const clientId = created.body.client_id;
          await admin('PUT', `/integrations/${clientId}/scopes/reports:read`);
          const tokens = await signIn(server, 'ada@example.com', 'ada-demo', { clientId, redirectUri: 'http://127.0.0.1:9/callback', scope: 'openid offline_access reports:read', resource: `${reference.origin}/api` });
          return { clientId, refreshToken: tokens.refresh_token };
        }
        case 'reference-refresh': {
          const response = await fetch(`${reference.origin}/token`, {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: payload.refreshToken, client_id: payload.clientId }),
          });
          return response.status;
        }
        case 'wheel': {
          // Real wheel input, through the browser's input pipeline (smooth scrolling and all):
          // what a user's mouse sends, not a scrollTop written by script.
          const page = session.browser.getPage(session.id);
          await page.mouse.move(payload.x, payload.y);
          await page.mouse.wheel({ deltaY: payload.deltaY });
          return true;
        }
        case 'provider-rotate-api-nonce':
          provider.rotateApiNonce();
          return true;
        case 'provider-log':
          return structuredClone(provider.log);
        case 'provider-clear-log':
          provider.clearLog();
          return true;
        case 'provider-sign-in': {
          // Fill the provider's real login form in the popup, as a user would.
          const page = session.browser.getPage(session.id);
          const target = await page
            .browser()
            .waitForTarget((t) => t.url().startsWith(`${provider.issuer}/interaction/`), { timeout: 10_000 })
            .catch((error) => {
              const urls = page.browser().targets().map((t) => `${t.type()} ${t.url()}`);
              throw new Error(`no login page opened; pages: ${urls.join(', ')}`, { cause: error });
            });
          const popup = await target.page();
          await popup.waitForSelector('input[name=login]');
          await popup.type('input[name=login]', payload.login);
          await popup.type('input[name=password]', payload.password ?? 'any password');
          await Promise.all([popup.waitForNavigation().catch(() => undefined), popup.click('button[type=submit]')]);
          return true;
        }
        case 'redirect-sign-in': {
          // A whole-page redirect sign-in in a tab of its own, as a user would do it.
          const browser = session.browser.getPage(session.id).browser();
          const page = await browser.newPage();
          try {
            await page.goto(`${APP_ORIGIN}/test/e2e/redirect-app.html?issuer=${encodeURIComponent(provider.issuer)}`);
            await page.waitForSelector('#login:not([disabled])');
            await Promise.all([page.waitForNavigation(), page.click('#login')]);
            await page.waitForSelector('input[name=login]');
            await page.type('input[name=login]', payload.login);
            await page.type('input[name=password]', 'any password');
            await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
            await page.waitForFunction(() => document.querySelector('#result')?.textContent, { timeout: 10_000 });
            return { ...JSON.parse(await page.$eval('#result', (e) => e.textContent)), finalUrl: page.url() };
          } finally {
            await page.close();
          }
        }
        case 'redirect-sign-out': {
          // Signs in by redirect, then out with the server's session too (RP-initiated logout),
          // confirming on the provider's page; then follows a made-up return link.
          const browser = session.browser.getPage(session.id).browser();
          const page = await browser.newPage();
          const endSessionRequests = [];
          page.on('request', (request) => {
            if (request.url().startsWith(`${provider.issuer}/session/end`) && request.method() === 'GET') endSessionRequests.push(request.url());
          });
          const result = () => page.waitForFunction(() => document.querySelector('#result')?.textContent, { timeout: 10_000 }).then(async () => JSON.parse(await page.$eval('#result', (e) => e.textContent)));
          try {
            await page.goto(`${APP_ORIGIN}/test/e2e/redirect-app.html?issuer=${encodeURIComponent(provider.issuer)}`);
            await page.waitForSelector('#login:not([disabled])');
            await Promise.all([page.waitForNavigation(), page.click('#login')]);
            await page.waitForSelector('input[name=login]');
            await page.type('input[name=login]', 'frank');
            await page.type('input[name=password]', 'any password');
            await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
            const signedIn = await result();
            await page.waitForSelector('#logout:not([disabled])');
            await Promise.all([page.waitForNavigation(), page.click('#logout')]);
            await page.waitForSelector('button[name=logout][value=yes]');
            await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('button[name=logout][value=yes]')]);
            await page.waitForFunction(() => location.pathname === '/test/e2e/redirect-app.html');
            const back = { ...(await result()), finalUrl: page.url() };
            // A return link with a state this tab never sent.
            await page.goto(`${APP_ORIGIN}/test/e2e/redirect-app.html?view=bye&state=made-up`);
            const forged = await result();
            return { signedIn, endSessionRequests, back, forged };
          } finally {
            await page.close();
          }
        }
        default:
          return undefined;
      }
    },
  };
}

/** Ends the run with one plain `N passed, N failed` line that CI logs can be read by. */
function countReporter() {
  return {
    onTestRunFinished({ sessions }) {
      let passed = 0;
      let failed = 0;
      const walk = (suite) => {
        for (const test of suite.tests) test.passed ? passed++ : test.skipped ? undefined : failed++;
        suite.suites.forEach(walk);
      };
      for (const session of sessions) {
        if (session.testResults) walk(session.testResults);
        // A file that failed to load has no results, but it is a failure all the same.
        if (!session.passed && !session.testResults?.tests.length && !session.testResults?.suites.length) failed++;
      }
      process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
    },
  };
}

export default {
  reporters: [defaultReporter(), countReporter()],
  // test/consumers/ holds apps built by npm run test:consumers, with their own node_modules.
  files: ['test/**/*.test.ts', 'test/**/*.test.tsx', 'components/**/*.test.ts', '!test/consumers/**'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  port: PORT,
  hostname: 'localhost',
  concurrency: 1,
  // Per file: the scrolling tests wheel through whole lists with real input.
  testsFinishTimeout: 180000,
  testFramework: { config: { timeout: 20000 } },
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
        // Scrollbars as users have them: tests drag them (puppeteer hides them when headless).
        ignoreDefaultArgs: ['--hide-scrollbars'],
        args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
      },
    }),
  ],
  plugins: [
    esbuildPlugin({ ts: true, tsx: true, target: 'es2022', tsconfig: 'tsconfig.json' }),
    reactModulesPlugin(),
    testProviderPlugin(),
  ],
  middleware: [
    // A same-origin URL that redirects to the test provider's API on another origin: the
    // browser must drop the Authorization header on the way (SECURITY.md).
    async (ctx, next) => {
      if (ctx.path !== '/test/redirect-away') return next();
      ctx.status = 302;
      ctx.set('Location', `${provider.issuer}/api/redirected`);
    },
    // msw's worker must be served from the site root to control the test pages.
    async (ctx, next) => {
      if (ctx.path === '/mockServiceWorker.js') {
        const { readFile } = await import('node:fs/promises');
        ctx.type = 'application/javascript';
        ctx.body = await readFile(mswWorker);
        return;
      }
      await next();
      // A callback page with an opener policy, as production apps have: it cuts a
      // popup off from its opener, so the sign-in must complete over the channel.
      if (ctx.path === '/test/e2e/coop-callback.html') ctx.set('Cross-Origin-Opener-Policy', 'same-origin-allow-popups');
    },
  ],
};
