// Prints the minified + gzip size of grantkit's core, bundled with its dependencies
// (what an app ships), and of the library file alone (dependencies left as imports).
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { readFile } from 'node:fs/promises';
import { rollup } from 'rollup';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

async function bundle(input) {
  const build = await rollup({ input, plugins: [nodeResolve({ browser: true }), terser({ module: true, ecma: 2022, format: { comments: false } })] });
  const { output } = await build.generate({ format: 'es', inlineDynamicImports: true });
  await build.close();
  return Buffer.from(output[0].code);
}

function sizes(code) {
  return {
    minified: code.length,
    gzip: gzipSync(code, { level: 9 }).length,
    brotli: brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

const rows = {
  'dist/grantkit.js (deps external)': sizes(await readFile('dist/grantkit.js')),
  'core bundled with oauth4webapi + idb-keyval': sizes(await bundle('dist/grantkit.js')),
  'dist/admin.js (admin client)': sizes(await readFile('dist/admin.js')),
};
console.table(rows);
