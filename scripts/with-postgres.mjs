// Runs a command with a throw-away PostgreSQL server for the tests that need a real one:
// `node scripts/with-postgres.mjs <command> [args…]`. It sets TEST_DATABASE_URL for the
// command, unless it is set already (then that server is used as it is).
//
// The cluster lives in a temporary directory, listens on a free loopback port only, and is
// stopped and removed when the command ends. As root it runs as the `postgres` user, as
// initdb refuses root. Without PostgreSQL's binaries the command runs without it, and the
// tests that need it say they were skipped. Builtins only.
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('usage: node scripts/with-postgres.mjs <command> [args…]');
  process.exit(2);
}

function findBin() {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const newest = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a))[0];
  return newest ? join(root, newest, 'bin') : undefined;
}

const freePort = () =>
  new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });

let stop = () => undefined;
const env = { ...process.env };
const bin = findBin();
if (!env.TEST_DATABASE_URL && bin) {
  const dir = mkdtempSync(join(tmpdir(), 'grantkit-pg-'));
  const asRoot = process.getuid?.() === 0;
  // As root, everything runs as postgres, which must be able to write the directory.
  if (asRoot) {
    chmodSync(dir, 0o777);
  }
  const run = (tool, toolArgs) => {
    const full = join(bin, tool);
    if (asRoot) execFileSync('su', ['postgres', '-s', '/bin/sh', '-c', [full, ...toolArgs].map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(' ')], { stdio: 'pipe' });
    else execFileSync(full, toolArgs, { stdio: 'pipe' });
  };
  const port = await freePort();
  const data = join(dir, 'db');
  try {
    run('initdb', ['-D', data, '-A', 'trust', '-U', 'gk', '--no-sync']);
    run('pg_ctl', ['-D', data, '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, '-l', join(dir, 'log'), '-w', 'start']);
  } catch (error) {
    console.error(`grantkit: could not start a throw-away PostgreSQL (${error.message.split('\n')[0]}); tests that need it will be skipped`);
    rmSync(dir, { recursive: true, force: true });
    // CI installs PostgreSQL: there, a missing server is a failure, not a skip.
    if (process.env.CI) process.exit(1);
  }
  if (existsSync(join(data, 'postmaster.pid'))) {
    env.TEST_DATABASE_URL = `postgres://gk@127.0.0.1:${port}/postgres`;
    console.log(`grantkit: throw-away PostgreSQL on 127.0.0.1:${port}`);
    stop = () => {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']);
      } catch {}
      rmSync(dir, { recursive: true, force: true });
    };
  }
} else if (!env.TEST_DATABASE_URL) {
  if (process.env.CI) {
    console.error('grantkit: CI needs PostgreSQL for the storage tests, and none is installed');
    process.exit(1);
  }
  console.log('grantkit: no PostgreSQL binaries found (Debian: apt-get install postgresql); tests that need a real PostgreSQL will be skipped');
}

const child = spawn(command, args, { stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => {
  stop();
  process.exit(code ?? (signal ? 1 : 0));
});
