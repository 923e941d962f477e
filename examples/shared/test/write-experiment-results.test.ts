import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { historyPanels } from '../src/history-panels';
import { type ExperimentResult, writeExperimentResults } from '../src/write-experiment-results';

const result: ExperimentResult = {
  experiment: 'gru',
  title: 'GRU(32) + Dense(1)',
  config: { epochs: 2 },
  history: { loss: [0.4, 0.3], mae: [0.4, 0.3], val_loss: [0.35, 0.32], val_mae: [0.35, 0.32] },
  final: { val_mae: 0.32 },
  seconds: 1.5,
  references: { mae: { label: 'Common-sense baseline', value: 0.29 } },
};

describe('historyPanels', () => {
  it('draws one panel per training metric, loss first, with validation and reference lines', () => {
    const panels = historyPanels({ mae: [1, 2], loss: [3, 4], val_loss: [5, 6] });
    expect(panels.map((p) => p.title)).toEqual(['loss', 'mae']);
    expect(panels[0].series.map((s) => s.label)).toEqual(['Training loss', 'Validation loss']);
    expect(historyPanels(result.history, { references: result.references })[1].series[2]).toMatchObject({
      label: 'Common-sense baseline',
      values: [0.29, 0.29],
    });
  });
});

describe('writeExperimentResults', () => {
  let dir = '';
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('writes <experiment>.json with the whole result and <experiment>.svg with the curves', async () => {
    dir = await mkdtemp(join(tmpdir(), 'example-utils-'));
    const files = await writeExperimentResults(join(dir, 'results'), result);
    expect(files).toEqual({ json: join(dir, 'results', 'gru.json'), svg: join(dir, 'results', 'gru.svg') });
    expect(JSON.parse(await readFile(files.json, 'utf8'))).toEqual(result);
    const svg = await readFile(join(dir, 'results', 'gru.svg'), 'utf8');
    expect(svg).toContain('<title>gru: GRU(32) + Dense(1)</title>');
    expect(svg).toContain('data-series="Common-sense baseline"');
  });

  it('names seeded and --quick runs apart, so a smoke run never overwrites the full-scale result', async () => {
    dir = await mkdtemp(join(tmpdir(), 'example-utils-'));
    const quick = await writeExperimentResults(dir, { ...result, config: { quick: true } });
    expect(quick).toEqual({ json: join(dir, 'gru-quick.json'), svg: join(dir, 'gru-quick.svg') });
    const seeded = await writeExperimentResults(dir, { ...result, seed: 1338, config: { quick: true } });
    expect(seeded.json).toBe(join(dir, 'gru-seed1338-quick.json'));
    const full = await writeExperimentResults(dir, { ...result, seed: 1337 });
    expect(full.json).toBe(join(dir, 'gru.json'));
  });

  it('writes no SVG when there is no history to draw', async () => {
    dir = await mkdtemp(join(tmpdir(), 'example-utils-'));
    const files = await writeExperimentResults(dir, { ...result, experiment: 'baseline', history: {} });
    expect(files).toEqual({ json: join(dir, 'baseline.json'), svg: undefined });
  });
});
