import { existsSync, readdirSync } from 'node:fs';
import minifyHtmlLiterals from '@lit-labs/rollup-plugin-minify-html-literals';
import commonjs from '@rollup/plugin-commonjs';
import nodeResolve from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';

// One entry per element folder, so `grantkit/components/<tag>` registers that element alone.
const elementEntries = Object.fromEntries(
  readdirSync('components', { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(`components/${entry.name}/define.ts`))
    .map((entry) => [`components/${entry.name}`, `components/${entry.name}/define.ts`]),
);

const compile = () =>
  typescript({
    tsconfig: './tsconfig.build.json',
    include: ['src/**/*.ts', 'components/**/*.ts', 'demo/**/*.ts', 'demo/**/*.tsx'],
    // src/server is the Node kit (grantkit/server), built by its own tsconfig, never bundled.
    exclude: ['**/*.test.ts', 'src/server/**'],
    compilerOptions: { outDir: undefined },
  });
// Whitespace inside Lit's html`` and css`` templates is left alone by terser.
const minify = () => [minifyHtmlLiterals(), terser({ module: true, ecma: 2022, format: { comments: false } })];

/**
 * Marks the React entries as Client Components (`'use client'`), as Next.js and other React
 * Server Components frameworks need: rendering `<GrantkitProvider>` from a Server Component
 * would fail without it. Rollup drops module directives from the sources, so the directive is
 * put back in front of the finished entry files (after terser, which drops unknown directives),
 * with the source map shifted by the one added line.
 */
function useClient(entries) {
  return {
    name: 'use-client',
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type !== 'chunk' || !file.isEntry || !entries.includes(file.name)) continue;
        file.code = `'use client';\n${file.code}`;
        const map = bundle[`${file.fileName}.map`];
        if (map?.type === 'asset') {
          const parsed = JSON.parse(String(map.source));
          parsed.mappings = `;${parsed.mappings}`;
          map.source = JSON.stringify(parsed);
        }
      }
    },
  };
}

export default [
  // The library: one minified ES module per entry point, dependencies left as imports so
  // the app's bundler dedupes them. Declarations come from `tsc -p tsconfig.types.json`.
  {
    input: {
      grantkit: 'src/index.ts',
      admin: 'src/admin/index.ts',
      components: 'components/index.ts',
      ...elementEntries,
      'components/locales/de': 'components/shared/locales/de.ts',
      react: 'components/react.ts',
      'react/elements': 'components/react-elements.ts',
    },
    external: (id) => /^(oauth4webapi|idb-keyval|lit|@lit|@lit-labs|react)(\/|$)/.test(id),
    output: { dir: 'dist', format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js', sourcemap: true },
    plugins: [compile(), ...minify(), useClient(['react', 'react/elements'])],
  },
  // For pages with no bundler (`<script type="module">` from a CDN or a static folder): the
  // same entries with Lit, oauth4webapi and idb-keyval inside, so no import map is needed.
  // Shared code (the core, Lit) sits in chunks next to them, loaded once by whichever needs it.
  {
    input: {
      grantkit: 'src/index.ts',
      admin: 'src/admin/index.ts',
      components: 'components/index.ts',
      'components/locales/de': 'components/shared/locales/de.ts',
    },
    output: { dir: 'dist/browser', format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js', sourcemap: true },
    plugins: [nodeResolve({ browser: true }), compile(), ...minify()],
  },
  // The demo app served by `npm start`, bundled with its dependencies.
  {
    input: { app: 'demo/app.ts', admin: 'demo/admin.ts', react: 'demo/react.tsx', vue: 'demo/vue.ts' },
    output: { dir: 'build/demo', format: 'es', sourcemap: true },
    // React ships CommonJS that reads process.env.NODE_ENV.
    plugins: [replace({ preventAssignment: true, values: {
      'process.env.NODE_ENV': JSON.stringify('production'),
      // Vue's bundler build asks for its compile-time flags.
      __VUE_OPTIONS_API__: 'false', __VUE_PROD_DEVTOOLS__: 'false', __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    } }), nodeResolve({ browser: true }), commonjs(), compile(), ...minify()],
  },
];
