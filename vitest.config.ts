import { defineConfig } from 'vitest/config';

// Root options only (reporters); the projects are listed in vitest.workspace.ts. Under CI a JSON report
// is written too, so .ci/run can print the plain "N passed, N failed" closing line.
export default defineConfig({
  test: {
    reporters: process.env.CI ? ['default', ['json', { outputFile: '.tmp/vitest.json' }]] : ['default'],
  },
});
