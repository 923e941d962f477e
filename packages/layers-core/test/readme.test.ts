import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const pkg = join(dirname(fileURLToPath(import.meta.url)), '..');

describe('README', () => {
  it('runs the ## Example block as plain ESM and learns the toy task', () => {
    const readme = readFileSync(join(pkg, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Example'));
    const code = /```js\n([\s\S]*?)```/.exec(section)?.[1];
    expect(code).toContain("from '@tensorseq/layers-core'");
    // Inside the package so the workspace dependencies resolve; the source condition needs no build.
    const dir = join(pkg, '.tmp');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'readme-example.mjs');
    writeFileSync(file, code as string);
    const r = spawnSync(process.execPath, ['--conditions=@tensorseq/source', '--import', 'tsx', file], {
      cwd: pkg,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(r.stderr).not.toMatch(/Error/);
    expect(r.stdout).toContain('Total params: 209');
    expect(r.stdout).toMatch(/Epoch 10\/10 - .* - val_acc: /);
    const finalAcc = Number(/final val_acc (\S+)/.exec(r.stdout)?.[1]);
    expect(finalAcc).toBeGreaterThan(0.8);
  });
});
