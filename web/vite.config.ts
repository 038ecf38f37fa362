// The web app's build: two pages (the learner app at /, the admin console at /admin/) into dist/web, which
// the API server serves. `npm run dev:web` runs the dev server with /api proxied to a running API.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here('.'),
  base: '/',
  plugins: [react()],
  resolve: {
    alias: {
      '@contract': here('../src/contract/generated/types.gen.ts'),
      '@shared': here('./src/shared'),
    },
  },
  build: {
    outDir: here('../dist/web'),
    emptyOutDir: true,
    // The server's CSP allows no inline script: everything, the preload helper included, lives in files.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    rollupOptions: { input: { learner: here('index.html'), admin: here('admin/index.html') } },
  },
  server: {
    port: 5173,
    proxy: { '/api': process.env.API_URL ?? 'http://localhost:3000' },
  },
  test: {
    environment: 'jsdom',
    // user-event drives real React Aria widgets; on a loaded machine a test takes seconds, not milliseconds.
    testTimeout: 30_000,
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: [here('src/testing/setup.ts')],
    css: { modules: { classNameStrategy: 'non-scoped' } },
  },
});
