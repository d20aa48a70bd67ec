import path from 'node:path';

import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(import.meta.dirname),
      // `server-only` throws outside React Server Components; tests run data/ modules directly.
      'server-only': path.resolve(import.meta.dirname, 'test/stubs/server-only.ts'),
      // Outside a Next request there is no cache: record the calls so tests can assert the tags.
      'next/cache': path.resolve(import.meta.dirname, 'test/stubs/next-cache.ts'),
    },
  },
  test: {
    environment: 'node',
    // next-auth imports `next/server` without an extension, which only a bundler resolves: let Vite load it, so the
    // sign-in and account actions run the real Auth.js sign-in against the test database.
    server: { deps: { inline: ['next-auth'] } },
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', 'e2e/**', '.next/**', '.next-*/**', '.data/**'],
    globalSetup: ['test/global-setup.ts'],
    setupFiles: ['test/setup-env.ts'],
    // Integration tests share one database per run and a 2-core machine: one file at a time.
    fileParallelism: false,
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
