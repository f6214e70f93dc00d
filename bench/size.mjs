// Size: every subject bundled the same way in the same run (esbuild --bundle --minify
// --format=esm, browser platform), then gzip -9 and brotli 11. The peers do the same
// minimal sign-in / callback / get-token / logout as grantkit (bench/entries/).
import { build } from 'esbuild';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = path.resolve(import.meta.dirname, '..');
const fromRoot = createRequire(path.join(root, 'package.json'));

/**
 * What loading `entry` costs up front: its chunk and the chunks it imports statically.
 * Chunks reached only through `import()` load later, when used, and are left out (an
 * element loads the core client only if it creates one itself), unless `load` names them:
 * it is given each such chunk's file and says whether this measurement counts it as loaded.
 */
async function measure(entry, options = {}, { load = () => false } = {}) {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    splitting: true,
    outdir: 'out',
    metafile: true,
    write: false,
    logLevel: 'silent',
    absWorkingDir: root,
    ...options,
  });
  const outputs = result.metafile.outputs;
  const files = new Map(result.outputFiles.map((file) => [path.relative(root, file.path), file.contents]));
  const start = Object.keys(outputs).find((name) => outputs[name].entryPoint);
  const upFront = new Set();
  const visit = (name) => {
    if (upFront.has(name)) return;
    upFront.add(name);
    for (const imported of outputs[name].imports) {
      if (imported.external) continue;
      if (imported.kind === 'import-statement' || (imported.kind === 'dynamic-import' && load(outputs[imported.path].entryPoint ?? ''))) visit(imported.path);
    }
  };
  visit(start);
  // One file, as a bundler would make for an app that imports it: the parts concatenated.
  const code = Buffer.concat([...upFront].map((name) => files.get(name)));
  return {
    minified: code.length,
    gzip: gzipSync(code, { level: 9 }).length,
    brotli: brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

// The floor uses the same oauth4webapi and idb-keyval as grantkit (a peer may bring its own).
const rootPackages = { alias: { 'oauth4webapi': fromRoot.resolve('oauth4webapi'), 'idb-keyval': path.dirname(fromRoot.resolve('idb-keyval/package.json')) } };

export async function sizes() {
  const clients = {
    // Up front: what a page load of a signed-in app with a fresh token in storage runs.
    'grantkit core': await measure('bench/entries/grantkit.ts'),
    // The core loads the rest with import() when first needed. A page load whose token
    // needs renewing loads the refresh (with oauth4webapi); a sign-in, or its return, loads
    // the sign-in code. Everything: also DPoP, sign-out, the popup's hand-off and the
    // WWW-Authenticate parser, as if an app ended up using all of it.
    'grantkit core + refresh (a page load that renews its token)': await measure('bench/entries/grantkit.ts', {}, { load: (file) => /\/refresh-[\w-]{8}\.js$/.test(file) }),
    'grantkit core + sign-in (a sign-in, or its return)': await measure('bench/entries/grantkit.ts', {}, { load: (file) => /\/sign-in-[\w-]{8}\.js$/.test(file) }),
    'grantkit core, with every import() chunk loaded': await measure('bench/entries/grantkit.ts', {}, { load: () => true }),
    'oidc-client-ts': await measure('bench/entries/oidc-client-ts.ts'),
    '@auth0/auth0-spa-js': await measure('bench/entries/auth0-spa-js.ts'),
    '@azure/msal-browser': await measure('bench/entries/msal-browser.ts'),
    'keycloak-js': await measure('bench/entries/keycloak-js.ts'),
    'floor: oauth4webapi + idb-keyval': await measure('bench/entries/floor.ts', rootPackages),
  };
  // grantkit's parts as an app gets them: the published files (dist/, from `npm run build`).
  const parts = { 'admin client (grantkit/admin)': await measure('dist/admin.js') };
  for (const file of readdirSync(path.join(root, 'dist/components')).filter((name) => name.endsWith('.js')).sort()) {
    parts[`<${file.slice(0, -3)}> alone, with Lit`] = await measure(`dist/components/${file}`);
  }
  parts['all elements, with Lit'] = await measure('dist/components.js');
  return { clients, parts };
}
