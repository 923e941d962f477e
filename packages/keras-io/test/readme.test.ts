import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const pkg = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The first ```js block after the `## Example` heading (the one release:verify runs). */
function exampleBlock(readme: string): string {
  const section = readme.split('\n## Example\n')[1] ?? '';
  const match = /```js\n([\s\S]*?)```/.exec(section);
  if (!match) throw new Error('README.md: ## Example must contain a ```js block. Received: none.');
  return match[1];
}

describe('README', () => {
  it('runs the example as it is: save to .keras bytes, load, same predictions', () => {
    const dir = join(pkg, '.tmp');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'readme-example.mjs');
    writeFileSync(file, exampleBlock(readFileSync(join(pkg, 'README.md'), 'utf8')));
    const run = spawnSync(process.execPath, ['--conditions=@tensorseq/source', '--import', 'tsx', file], {
      cwd: pkg,
      encoding: 'utf8',
    });
    expect(run.stderr).not.toMatch(/Error/);
    expect(run.status).toBe(0);
    expect(run.stdout.trim().split('\n').pop()).toBe("[ 'GRU', 'Dense' ] true");
  }, 300_000);
});
