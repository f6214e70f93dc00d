// Runs before `npm start` and `npm test` so that those two commands are all a fresh
// clone needs: installs dependencies when they are missing or older than the lockfile,
// and, with --browser, makes sure a Chromium is there for the tests. Builtins only:
// it runs before node_modules exists.
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const run = (command, args) => execFileSync(command, args, { stdio: 'inherit', env: { ...process.env, PUPPETEER_SKIP_DOWNLOAD: '1', PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' } });

const installed = 'node_modules/.package-lock.json';
if (!existsSync(installed) || statSync('package-lock.json').mtimeMs > statSync(installed).mtimeMs) {
  console.log('grantkit: installing dependencies (npm ci)…');
  run('npm', ['ci', '--no-audit', '--no-fund']);
}

if (process.argv.includes('--browser')) {
  const chrome = process.env.CHROME_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chrome)) {
    const canApt = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
    if (!canApt) {
      console.error(`grantkit: the tests need Chromium at ${chrome}. Install it (Debian: apt-get install chromium) or set CHROME_PATH.`);
      process.exit(1);
    }
    console.log('grantkit: installing Debian chromium for the tests…');
    run('apt-get', ['update', '-qq']);
    run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium']);
  }
}

// The storage tests also run on a real PostgreSQL (scripts/with-postgres.mjs starts a
// throw-away one); without it they are skipped, so this only helps when it can.
if (process.argv.includes('--postgres') && !existsSync('/usr/lib/postgresql') && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
  console.log('grantkit: installing Debian postgresql for the storage tests…');
  run('apt-get', ['update', '-qq']);
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'postgresql']);
}
