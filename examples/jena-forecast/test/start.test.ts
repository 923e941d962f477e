import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseStartArgs } from '../src/parse-start-args';
import { verdict } from '../src/verdict';

describe('parseStartArgs', () => {
  it('defaults to 3 epochs of the book’s 500 steps on the shipped file', () => {
    expect(parseStartArgs([])).toEqual({ epochs: 3, steps: 500, full: false });
    expect(parseStartArgs(['--epochs=2', '--steps', '7', '--full'])).toEqual({
      epochs: 2,
      steps: 7,
      full: true,
    });
  });

  it('names a bad argument', () => {
    expect(() => parseStartArgs(['--epochs', '0'])).toThrow(
      'start: epochs must be a positive integer. Received: epochs=0.',
    );
    expect(() => parseStartArgs(['gru'])).toThrow(
      'start: arguments must be --epochs N, --steps N or --full. Received: argument=gru.',
    );
  });
});

describe('verdict', () => {
  it('converts the normalized MAE to °C with the baseline’s scale', () => {
    expect(verdict({ best_val_loss: 0.27, baseline_mae: 0.2893, baseline_mae_celsius: 2.559 })).toBe(
      'Verdict: the GRU forecasts within 2.39 °C on average, the common-sense baseline within 2.56 °C: the GRU beats it by 0.17 °C (6.7%).',
    );
    expect(verdict({ best_val_loss: 0.3, baseline_mae: 0.2893, baseline_mae_celsius: 2.559 })).toMatch(
      /the GRU does not beat it yet \(0\.09 °C worse\)/,
    );
  });
});

describe('pnpm start (the main job)', () => {
  it('trains on the shipped file offline and prints the summary, each epoch, the verdict and its files', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tensorseq-start-'));
    try {
      const { stdout } = await promisify(execFile)(
        process.execPath,
        [
          '--conditions=@tensorseq/source',
          '--import',
          'tsx',
          'src/start.ts',
          '--epochs',
          '1',
          '--steps',
          '3',
        ],
        {
          cwd: fileURLToPath(new URL('..', import.meta.url)),
          env: { ...process.env, TENSORSEQ_RESULTS: dir, TENSORSEQ_DATA: '' },
        },
      );
      expect(stdout).toContain('data/jena/jena_hourly_6vars_2009_2016.csv.zip (shipped, hourly)');
      // --steps caps the validation batches too, so the baseline is measured on fewer windows here.
      expect(stdout).toMatch(/^Common-sense baseline MAE: 0\.\d{4} \(\d\.\d\d °C\)$/m);
      expect(stdout).toMatch(/gru \(GRU\) +\(None, 32\) +3840/);
      expect(stdout).toMatch(/^Epoch 1\/1 - /m);
      expect(stdout).toMatch(/^Verdict: the GRU /m);
      const result = JSON.parse(await readFile(join(dir, 'start', 'start-gru.json'), 'utf8'));
      expect(result.history.val_loss).toHaveLength(1);
      expect(stdout).toContain(
        `Wrote ${join(dir, 'start', 'start-gru.json')} and ${join(dir, 'start', 'start-gru.svg')}.`,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
