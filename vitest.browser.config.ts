import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defineConfig } from 'vitest/config';
import { testServerRoutes } from './scripts/browser-test-server';
import { chromiumArgs, chromiumPath } from './scripts/chromium';

// `pnpm test:browser`: the suites that must hold in a browser, run in Chromium (vitest browser mode,
// Playwright driving Debian's /usr/bin/chromium: browser downloads are impossible on our machines).
// Which tests are Node-only is decided by one rule, never by hand-picked skips:
//   - `*.node.test.ts` (and `*.node.fuzz.test.ts`) files need Node by nature: the file system (directory
//     save/load, CSVLogger, ModelCheckpoint), child processes, worker_threads;
//   - `readme.test.ts` files run a README's example as a Node script (`node --import tsx`).
// Everything else in these packages' test/ folders runs in Chromium, and `*.browser.test.ts` files run
// only here (vitest.shared.ts leaves them out of the Node run).
const suites = ['text-vectorize', 'kernels', 'layers-core', 'layers-recurrent', 'layers-conv1d'];
const nodeOnlyTests = [
  '**/node_modules/**',
  '**/*.node.test.ts',
  '**/*.node.fuzz.test.ts',
  '**/readme.test.ts',
];

// In-repo imports resolve to src/ (as in vitest.shared.ts), with the browser's conditions, not Node's.
const conditions = ['@tensorseq/source', 'browser', 'module', 'import', 'default'];
const usesTfjs = (root: string) =>
  readFileSync(join(root, 'package.json'), 'utf8').includes('"@tensorflow/tfjs-core"');
const setup = (file: string) => resolve('packages/test-utils/src', file);

export default defineConfig({
  test: {
    reporters: process.env.CI
      ? ['default', ['json', { outputFile: '.tmp/vitest-browser.json' }]]
      : ['default'],
    projects: suites
      .map((name) => join('packages', name))
      .filter((root) => existsSync(root))
      .map((root) => ({
        plugins: [testServerRoutes()],
        resolve: { conditions },
        test: {
          name: `browser:${root.replace(/^packages\//, '')}`,
          root,
          include: ['test/**/*.test.ts'],
          exclude: nodeOnlyTests,
          testTimeout: 120_000,
          hookTimeout: 120_000,
          setupFiles: [
            setup('setup-kernels-browser.ts'),
            ...(usesTfjs(root) ? [setup('setup-backend.ts')] : []),
          ],
          browser: {
            enabled: true,
            provider: 'playwright',
            headless: true,
            screenshotFailures: false,
            instances: [
              { browser: 'chromium', launch: { executablePath: chromiumPath, args: chromiumArgs } },
            ],
          },
        },
      })),
  },
});
