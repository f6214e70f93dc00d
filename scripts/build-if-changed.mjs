// `npm start` builds only what changed since its last build: a second start with nothing
// changed is up in seconds, not the minute and a half of a full build. Compares the newest
// source file with the stamp the last successful build left.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** What the demo and the server are built from. */
export const INPUTS = ['src', 'components', 'demo', 'server', 'docs/admin-api.yaml', 'rollup.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json', 'tsconfig.types.json'];

/** The newest modification time under `paths` (files, or folders walked), 0 when there is none. */
export function newest(root, paths) {
  let latest = 0;
  const visit = (file) => {
    if (!existsSync(file)) return;
    const stat = statSync(file);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(file)) if (entry !== 'node_modules') visit(path.join(file, entry));
    } else latest = Math.max(latest, stat.mtimeMs);
  };
  for (const p of paths) visit(path.join(root, p));
  return latest;
}

/** Whether a build is needed: no stamp yet, a missing output, or a source newer than the stamp. */
export function needsBuild(root, { stamp, outputs, inputs = INPUTS }) {
  const stampFile = path.join(root, stamp);
  if (!existsSync(stampFile) || outputs.some((o) => !existsSync(path.join(root, o)))) return true;
  return newest(root, inputs) > statSync(stampFile).mtimeMs;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = path.resolve(import.meta.dirname, '..');
  const stamp = 'build/.start-stamp';
  if (!needsBuild(root, { stamp, outputs: ['build/demo/app.js', 'build/server/main.js', 'dist/grantkit.js'] })) {
    console.log('grantkit: nothing changed since the last build; starting at once');
  } else {
    const npm = (script) => execFileSync('npm', ['run', '--silent', script], { cwd: root, stdio: 'inherit' });
    npm('build');
    npm('build:server');
    mkdirSync(path.join(root, 'build'), { recursive: true });
    writeFileSync(path.join(root, stamp), `${new Date().toISOString()}\n`);
  }
}
