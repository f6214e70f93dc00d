import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  base: '/vite-react/',
  plugins: [react()],
  build: { target: 'es2022', rollupOptions: { input: { index: 'index.html', hook: 'hook.html', raw: 'raw.html', baseline: 'baseline.html' } } },
});
