import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { defineWorkspace } from 'vitest/config';

// One vitest project per package or example that has tests.
const roots = ['packages', 'examples', '.']
  .flatMap((group) =>
    group === '.' ? ['bench'] : existsSync(group) ? readdirSync(group).map((name) => join(group, name)) : [],
  )
  .filter((dir) => existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'test')));

export default defineWorkspace(
  roots.map((root) => ({
    extends: './vitest.shared.ts',
    test: { name: root.replace(/^packages\//, ''), root },
  })),
);
