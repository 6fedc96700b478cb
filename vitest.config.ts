import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// One runner for the whole repo. Workspace packages resolve to their TypeScript sources so
// tests never run against a stale build.
export default defineConfig({
  resolve: {
    alias: {
      '@vantage/shared': fileURLToPath(new URL('./shared/src/index.ts', import.meta.url)),
      '@vantage/relay': fileURLToPath(new URL('./relay/src/index.ts', import.meta.url)),
      '@vantage/probe': fileURLToPath(new URL('./probe/src/index.ts', import.meta.url)),
    },
  },
  test: {
    include: ['{shared,probe,relay,desktop}/src/**/*.test.ts', 'scripts/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
