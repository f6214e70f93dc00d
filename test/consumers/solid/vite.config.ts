import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';

export default defineConfig({ base: '/solid/', plugins: [solid()], build: { target: 'es2022' } });
