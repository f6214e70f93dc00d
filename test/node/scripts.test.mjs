// grantkit where scripts run: Node (and Deno and Bun), with no window, location, document, sessionStorage or
// indexedDB. A personal access token drives sdk.fetch and the admin client; sign-in is
// refused with a typed error. Runs the built package (dist/) by its public names, against
// the real reference server (build/server).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { createClient } from 'grantkit';
import { start, signIn, api } from '../../build/server/test/support.js';

const run = promisify(execFile);
const root = new URL('../../', import.meta.url);

describe('grantkit in Node (scripts)', { timeout: 120_000 }, () => {
  let server;
  let token;

  before(async () => {
    server = await start();
    const session = await signIn(server, 'ada@example.com', 'ada-demo');
    token = (await api(server, session.access_token)('POST', '/personal-tokens', { name: 'node script', expires_in_days: 1 })).body.token;
  });
  after(() => server?.close());

  it('runs the README example: lists integrations with a personal access token through grantkit/admin', async () => {
    const { stdout } = await run(process.execPath, ['examples/list-integrations.mjs'], {
      cwd: root,
      env: { ...process.env, GRANTKIT_TOKEN: token, GRANTKIT_ADMIN_URL: `${server.origin}/admin/v1` },
    });
    const lines = stdout.trim().split('\n');
    assert.ok(lines.some((l) => /\tERP Connector 1\.0\tactive$/.test(l)), stdout);
    assert.equal(lines.length, (await server.db.query('select 1 from integrations')).length);
  });

  // The same script under Deno and Bun (devDependencies; their npm packages carry the binaries).
  for (const [runtime, args] of [['deno', ['run', '--allow-net', '--allow-env', '--allow-read', 'examples/list-integrations.mjs']], ['bun', ['examples/list-integrations.mjs']]]) {
    it(`runs the README example under ${runtime}`, async () => {
      const { stdout } = await run(new URL(`node_modules/.bin/${runtime}`, root).pathname, args, {
        cwd: root,
        env: { ...process.env, GRANTKIT_TOKEN: token, GRANTKIT_ADMIN_URL: `${server.origin}/admin/v1`, NO_COLOR: '1', DENO_NO_UPDATE_CHECK: '1' },
      });
      const lines = stdout.trim().split('\n');
      assert.ok(lines.some((l) => /\tERP Connector 1\.0\tactive$/.test(l)), stdout);
      assert.equal(lines.length, (await server.db.query('select 1 from integrations')).length);
    });
  }

  it('refuses sign-in outside a page, and a static token without allowedOrigins, with config_invalid', async () => {
    const interactive = await createClient({ issuer: server.origin, clientId: 'grantkit-demo', redirectUri: `${server.origin}/` }).catch((e) => e);
    assert.equal(interactive.name, 'GrantkitError');
    assert.equal(interactive.code, 'config_invalid');
    assert.match(interactive.message, /browser page/);
    const unbounded = await createClient({ token }).catch((e) => e);
    assert.equal(unbounded.code, 'config_invalid');
    assert.match(unbounded.message, /allowedOrigins is required/);
  });

  it('sends the token only to the allowed origins, and a relative URL is a typed error', async () => {
    const seen = [];
    const other = createServer((req, res) => {
      seen.push(req.headers.authorization ?? null);
      res.end('ok');
    });
    await new Promise((resolve) => other.listen(0, '127.0.0.1', resolve));
    try {
      const sdk = await createClient({ token, allowedOrigins: [server.origin] });
      assert.equal((await sdk.fetch(`${server.origin}/admin/v1/me`)).status, 200);
      await sdk.fetch(`http://127.0.0.1:${other.address().port}/collect`);
      assert.deepEqual(seen, [null]);
      const relative = await sdk.fetch('/admin/v1/me').catch((e) => e);
      assert.equal(relative.code, 'config_invalid');
    } finally {
      other.close();
    }
  });

  it("compiles grantkit/admin's types in a Node-only project (no DOM lib)", async () => {
    await run(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'test/node/tsconfig.json'], { cwd: root }).catch((error) => {
      assert.fail(`tsc: ${error.stdout}${error.stderr}`);
    });
  });
});

describe('npm start builds only what changed', () => {
  it('builds when there is no stamp or output, skips when nothing changed, and builds again after an edit', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync, utimesSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const { needsBuild } = await import('../../scripts/build-if-changed.mjs');
    const dir = mkdtempSync(path.join(tmpdir(), 'grantkit-start-'));
    mkdirSync(path.join(dir, 'src'));
    mkdirSync(path.join(dir, 'build'));
    writeFileSync(path.join(dir, 'src/a.ts'), 'a');
    const options = { stamp: 'build/stamp', outputs: ['build/out.js'], inputs: ['src'] };
    assert.equal(needsBuild(dir, options), true, 'a fresh clone builds');
    writeFileSync(path.join(dir, 'build/out.js'), '');
    writeFileSync(path.join(dir, 'build/stamp'), '');
    const past = new Date(Date.now() - 60_000);
    utimesSync(path.join(dir, 'src/a.ts'), past, past);
    assert.equal(needsBuild(dir, options), false, 'nothing changed: no build');
    writeFileSync(path.join(dir, 'src/a.ts'), 'changed');
    const future = new Date(Date.now() + 60_000);
    utimesSync(path.join(dir, 'src/a.ts'), future, future);
    assert.equal(needsBuild(dir, options), true, 'an edited source builds again');
    utimesSync(path.join(dir, 'src/a.ts'), past, past);
    const { rmSync } = await import('node:fs');
    rmSync(path.join(dir, 'build/out.js'));
    assert.equal(needsBuild(dir, options), true, 'a deleted output builds again');
  });
});
