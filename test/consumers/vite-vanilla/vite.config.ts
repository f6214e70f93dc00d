import { defineConfig } from 'vite';

// Served under /vite-vanilla/ by the consumer test, one page per thing measured.
export default defineConfig({
  base: '/vite-vanilla/',
  build: { target: 'es2022', rollupOptions: { input: { index: 'index.html', core: 'core.html', 'sign-in': 'sign-in.html', baseline: 'baseline.html' } } },
});
