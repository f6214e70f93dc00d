import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

// Vue's template compiler is told which tags are custom elements, so it leaves them to the browser.
export default defineConfig({
  base: '/vue/',
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.includes('-') } } })],
  build: { target: 'es2022' },
});
