import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';

// The library build: one minified ES module per entry point, dependencies left as
// imports so the app's bundler dedupes them. Declarations come from `tsc -p tsconfig.build.json`.
const external = (id) => /^(oauth4webapi|idb-keyval|lit|@lit)(\/|$)/.test(id);

export default {
  input: { grantkit: 'src/index.ts' },
  external,
  output: { dir: 'dist', format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js', sourcemap: true },
  plugins: [
    typescript({ tsconfig: './tsconfig.build.json', compilerOptions: { emitDeclarationOnly: false, declaration: false, outDir: 'dist', rootDir: '.' } }),
    terser({ module: true, ecma: 2022, format: { comments: false } }),
  ],
};
