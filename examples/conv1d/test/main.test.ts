import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';

const exampleDir = fileURLToPath(new URL('..', import.meta.url));
const main = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  promisify(execFile)(
    process.execPath,
    ['--conditions=@tensorseq/source', '--import', 'tsx', 'src/main.ts', ...args],
    { cwd: exampleDir, env: { ...process.env, ...env } },
  );

describe('pnpm exp conv1d', () => {
  let dir = '';
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('lists the experiments when none is named', async () => {
    const { stdout } = await main([]);
    expect(stdout).toContain('Usage: pnpm exp conv1d <experiment>');
    expect(stdout).toContain('  imdb-conv1d ');
  });

  it('runs imdb-conv1d --quick, printing each epoch and writing its JSON and SVG', async () => {
    dir = await mkdtemp(join(tmpdir(), 'conv1d-'));
    const { stdout } = await main(['imdb-conv1d', '--quick', '--epochs', '2'], { TENSORSEQ_RESULTS: dir });
    expect(stdout).toMatch(/^Epoch 2\/2 - /m);
    const result = JSON.parse(await readFile(join(dir, 'imdb-conv1d.json'), 'utf8'));
    expect(result.config).toMatchObject({ quick: true, epochs: 2 });
    expect(result.history.val_loss).toHaveLength(2);
    expect(await readFile(join(dir, 'imdb-conv1d.svg'), 'utf8')).toMatch(/^<svg /);
  });
});
