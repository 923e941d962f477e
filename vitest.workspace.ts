import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defineWorkspace } from 'vitest/config';

// One vitest project per package or example that has tests.
const roots = ['packages', 'examples', '.']
  .flatMap((group) =>
    group === '.' ? ['bench'] : existsSync(group) ? readdirSync(group).map((name) => join(group, name)) : [],
  )
  .filter((dir) => existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'test')));

// Projects that use tfjs run on the backend TENSORSEQ_BACKEND names (cpu by default), selected once in
// test-utils' shared setup, which prints it.
const backendSetup = resolve('packages/test-utils/src/setup-backend.ts');
const usesTfjs = (root: string) =>
  root !== 'bench' &&
  root !== 'packages/test-utils' &&
  readFileSync(join(root, 'package.json'), 'utf8').includes('"@tensorflow/tfjs-core"');

export default defineWorkspace(
  roots.map((root) => ({
    extends: './vitest.shared.ts',
    test: {
      name: root.replace(/^packages\//, ''),
      root,
      ...(usesTfjs(root) ? { setupFiles: [backendSetup] } : {}),
    },
  })),
);
