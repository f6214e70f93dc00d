// `npm run check:package` (part of `npm test`): what an app installs from the registry.
// The packed file list holds the license and every file the README links to; publint (strict)
// and arethetypeswrong (ESM-only: CommonJS and node10 resolution are not offered) find nothing.
// Needs `npm run build` first (npm test's test:demo builds dist/).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const fail = (message) => {
  console.error(`check:package: ${message}`);
  process.exit(1);
};
const run = (bin, args) => execFileSync(`node_modules/.bin/${bin}`, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

const [packed] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8' }));
const files = new Set(packed.files.map((f) => f.path));
for (const required of ['LICENSE', 'README.md', 'package.json', 'docs/admin-api.yaml', 'dist/grantkit.js']) {
  if (!files.has(required)) fail(`${required} is not in the package`);
}
// A relative link in the README is dead on the registry's page; absolute ones into the package name packed files.
const readme = readFileSync('README.md', 'utf8');
for (const [, target] of readme.matchAll(/\]\(([^)#\s]+)\)/g)) {
  if (!/^[a-z]+:/i.test(target)) fail(`the README links to "${target}", a relative path: dead on the registry's page`);
  const inPackage = /^https:\/\/unpkg\.com\/grantkit\/(.+)$/.exec(target)?.[1];
  if (inPackage && !files.has(inPackage)) fail(`the README links to ${target}, which the package does not hold`);
}
// Every subpath an app may import resolves to shipped JavaScript (a types-only subpath type-checks
// and then fails at run time), and shipped types name only packages the app is sure to have.
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
/** The packed files `pattern` (a path with at most one `*`) names, each with what the `*` stood for. */
const matching = (pattern) => {
  const [head, tail = ''] = pattern.replace(/^\.\//, '').split('*');
  const wildcard = pattern.includes('*');
  return [...files].filter((f) => (wildcard ? f.startsWith(head) && f.endsWith(tail) && f.length > head.length + tail.length : f === head)).map((f) => f.slice(head.length, f.length - tail.length));
};
for (const [subpath, target] of Object.entries(pkg.exports)) {
  if (typeof target !== 'object') continue;
  const typed = matching(target.types);
  if (typed.length === 0) fail(`${subpath}: no types shipped for it`);
  for (const name of typed) {
    const js = target.default.replace('./', '').replace('*', name);
    if (!files.has(js)) fail(`${subpath.replace('*', name)} has types but no JavaScript (${js} is not in the package)`);
  }
}
const declared = new Set([...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})]);
for (const file of [...files].filter((f) => f.endsWith('.d.ts'))) {
  const text = readFileSync(file, 'utf8');
  for (const [, specifier] of text.matchAll(/(?:from\s*|import\()\s*["']([^"'.][^"']*)["']/g)) {
    const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0];
    if (!declared.has(name)) fail(`${file} imports "${specifier}", which is not a dependency: strict installs (pnpm) cannot resolve it`);
  }
}
try {
  run('publint', ['--strict']);
  run('attw', ['--pack', '.', '--profile', 'esm-only']);
} catch (error) {
  fail(`${error.stdout ?? ''}${error.stderr ?? ''}`);
}
console.log(`check:package: ${files.size} files, ${Math.round(packed.size / 1024)} kB packed; publint --strict and attw --profile esm-only pass`);
