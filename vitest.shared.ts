import { defineConfig } from 'vitest/config';

// In-repo imports resolve to each package's src/ through the "@tensorseq/source" export condition,
// so tests never need a build step (TanStack's custom-condition habit).
const conditions = ['@tensorseq/source', 'module', 'node', 'import', 'default'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ['@tensorseq/source'] } },
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    // Browser-only tests (downloads, a page's own origin) run in Chromium: vitest.browser.config.ts.
    exclude: ['**/node_modules/**', '**/*.browser.test.ts'],
  },
});
