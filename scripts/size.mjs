// Prints the minified + gzip size of grantkit's core, bundled with its dependencies
// (what an app ships), and of the library file alone (dependencies left as imports).
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { rollup } from 'rollup';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** What loading `input` costs up front: its static graph, bundled and minified; dynamic imports load later and are left out. */
async function bundle(input, external = () => false) {
  const build = await rollup({ input, external, plugins: [nodeResolve({ browser: true }), terser({ module: true, ecma: 2022, format: { comments: false } })], onwarn() {} });
  const { output } = await build.generate({ format: 'es' });
  await build.close();
  return Buffer.from(output[0].code);
}
const dependencies = (id) => /^(oauth4webapi|idb-keyval|lit|@lit|@lit-labs)(\/|$)/.test(id);

function sizes(code) {
  return {
    minified: code.length,
    gzip: gzipSync(code, { level: 9 }).length,
    brotli: brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

const rows = {
  'core alone (dependencies external)': sizes(await bundle('dist/grantkit.js', dependencies)),
  'core bundled with oauth4webapi + idb-keyval': sizes(await bundle('dist/grantkit.js')),
  'admin client (grantkit/admin)': sizes(await bundle('dist/admin.js', dependencies)),
};
// Elements as an app ships them: bundled with Lit (and everything else they import).
for (const tag of ['oauth-login', 'create-integration-dialog', 'rotate-secret-dialog', 'integration-list', 'token-list', 'grantkit-provider']) {
  rows[`<${tag}> alone, with Lit`] = sizes(await bundle(`dist/components/${tag}.js`));
}
rows['all elements, with Lit and the admin client (the core loads only if an element makes the client)'] = sizes(await bundle('dist/components.js'));
rows['German strings (grantkit/components/locales/de), on top'] = sizes(await bundle('dist/components/locales/de.js', (id) => !id.includes('locales/de')));
console.table(rows);
