import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const pkg = join(dirname(fileURLToPath(import.meta.url)), '..');

describe('README', () => {
  it('runs the example as it is: save to .keras bytes, load, same predictions', () => {
    const dir = join(pkg, '.tmp');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'readme-example.mjs');
    // The block release:verify runs: the first ```js fence of the `## Example` section.
    const example = /\n## Example\n[^#]*?```js\n([\s\S]*?)```/.exec(
      readFileSync(join(pkg, 'README.md'), 'utf8'),
    );
    expect(example, 'README.md: ## Example must contain a ```js block').not.toBeNull();
    writeFileSync(file, (example as RegExpExecArray)[1]);
    const run = spawnSync(process.execPath, ['--conditions=@tensorseq/source', '--import', 'tsx', file], {
      cwd: pkg,
      encoding: 'utf8',
    });
    expect(run.stderr).not.toMatch(/Error/);
    expect(run.status).toBe(0);
    expect(run.stdout.trim().split('\n').pop()).toBe("[ 'GRU', 'Dense' ] true");
  }, 300_000);
});
