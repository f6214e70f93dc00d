// React ships CommonJS; the test browser wants ES modules with named exports. This
// web-test-runner plugin bundles react, react-dom/client and react/jsx-runtime once with
// esbuild (sharing one React instance through a split chunk) and serves them from memory.
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

const require = createRequire(import.meta.url);
const MODULES = ['react', 'react-dom/client', 'react/jsx-runtime', 'react/jsx-dev-runtime'];
const PREFIX = '/__react/';
const fileName = (specifier) => `${specifier.replaceAll('/', '__')}.js`;

async function bundle() {
  const dir = path.resolve('node_modules/.cache/grantkit-react-entries');
  await mkdir(dir, { recursive: true });
  const entryPoints = [];
  for (const specifier of MODULES) {
    // Named exports are listed explicitly: a bundler cannot see them in CommonJS.
    const names = Object.keys(require(specifier)).filter((name) => /^[A-Za-z_$][\w$]*$/.test(name) && name !== 'default');
    const entry = path.join(dir, fileName(specifier));
    await writeFile(entry, `import m from '${specifier}';\nexport default m;\nexport const { ${names.join(', ')} } = m;\n`);
    entryPoints.push(entry);
  }
  const result = await build({
    entryPoints,
    bundle: true,
    splitting: true,
    format: 'esm',
    outdir: '/',
    write: false,
    define: { 'process.env.NODE_ENV': '"development"' },
    logLevel: 'silent',
  });
  return new Map(result.outputFiles.map((file) => [`${PREFIX}${path.basename(file.path)}`, file.text]));
}

export function reactModulesPlugin() {
  let files;
  return {
    name: 'grantkit-react-modules',
    async serverStart() {
      files = await bundle();
    },
    resolveImport({ source }) {
      if (MODULES.includes(source)) return `${PREFIX}${fileName(source)}`;
    },
    serve(context) {
      const body = files?.get(context.path);
      if (body !== undefined) return { body, type: 'js' };
    },
  };
}
