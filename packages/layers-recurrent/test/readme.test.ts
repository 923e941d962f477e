import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const pkg = join(dirname(fileURLToPath(import.meta.url)), '..');

describe('README', () => {
  it('runs the ## Example block as plain ESM and prints what its comments say', () => {
    const readme = readFileSync(join(pkg, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Example'));
    const code = /```js\n([\s\S]*?)```/.exec(section)?.[1] as string;
    expect(code).toContain("from '@tensorseq/layers-recurrent'");
    // Inside the package so the workspace dependencies resolve; the source condition needs no build.
    const dir = join(pkg, '.tmp');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'readme-example.mjs');
    writeFileSync(file, code);
    const r = spawnSync(process.execPath, ['--conditions=@tensorseq/source', '--import', 'tsx', file], {
      cwd: pkg,
      encoding: 'utf8',
      timeout: 240_000,
    });
    expect(r.stderr).not.toMatch(/Error/);
    // Each console.log line's trailing "// → value" comment is what it must print.
    const expected = [...code.matchAll(/console\.log\(.*\); \/\/ → ([^(\n]+)/g)].map((m) =>
      m[1].replace(/\s/g, ''),
    );
    const printed = r.stdout
      .split('\n')
      .filter((l) => l.trim() && !/TensorFlow|====|tfjs-node|^\s*$/.test(l))
      .map((l) => l.replace(/\s/g, ''));
    expect(printed).toEqual(expected);
  }, 300_000);
});
