import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';

/** What {@link describeExperimentCli} needs to know about one example app. */
export interface ExperimentCliSpec {
  /** The name `pnpm exp` knows it by, e.g. `imdb-rnn`. */
  example: string;
  /** The example's folder (where `src/main.ts` lives). */
  exampleDir: string;
  /** An experiment to smoke-run with `--quick --epochs 2`. */
  experiment: string;
  /** Why the smoke run cannot run here (e.g. its real data file is absent), to skip it with that message. */
  skipRun?: string;
}

/**
 * The contract every example's entry point keeps, as a vitest suite: without an experiment it lists them;
 * with one and `--quick`, it prints each epoch and writes `<experiment>.json` and `.svg`.
 *
 * @example
 * describeExperimentCli({ example: 'imdb-rnn', exampleDir, experiment: 'lstm' });
 */
export function describeExperimentCli({ example, exampleDir, experiment, skipRun }: ExperimentCliSpec): void {
  const main = (args: string[], env: NodeJS.ProcessEnv = {}) =>
    promisify(execFile)(
      process.execPath,
      ['--conditions=@tensorseq/source', '--import', 'tsx', 'src/main.ts', ...args],
      { cwd: exampleDir, env: { ...process.env, ...env } },
    );

  describe(`pnpm exp ${example}`, () => {
    let dir = '';
    afterEach(async () => {
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    it('lists the experiments when none is named', async () => {
      const { stdout } = await main([]);
      expect(stdout).toContain(`Usage: pnpm exp ${example} <experiment>`);
      expect(stdout).toContain(`  ${experiment} `);
    });

    it.skipIf(skipRun !== undefined)(
      `runs ${experiment} --quick, printing each epoch and writing its -quick JSON and SVG${skipRun ? ` (skipped: ${skipRun})` : ''}`,
      async () => {
        dir = await mkdtemp(join(tmpdir(), `${example}-`));
        const { stdout } = await main([experiment, '--quick', '--epochs', '2'], { TENSORSEQ_RESULTS: dir });
        expect(stdout).toMatch(/^Epoch 2\/2 - /m);
        const result = JSON.parse(await readFile(join(dir, `${experiment}-quick.json`), 'utf8'));
        expect(result.config).toMatchObject({ quick: true, epochs: 2 });
        expect(result.history.val_loss).toHaveLength(2);
        expect(await readFile(join(dir, `${experiment}-quick.svg`), 'utf8')).toMatch(/^<svg /);
      },
    );
  });
}
