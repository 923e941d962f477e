import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BookFigure } from '../src/book-figure';
import { bestEpoch } from '../src/book-figure';
import type { RunRecord } from '../src/report/collect-results';
import { judgeRuns } from '../src/report/judge-run';
import { writeReport } from '../src/report/write-report';

function run(overrides: Partial<RunRecord>): RunRecord {
  return {
    example: 'imdb-rnn',
    experiment: 'lstm',
    file: 'imdb-rnn/results/lstm.json',
    svg: undefined,
    title: 'LSTM',
    section: '6.2.3',
    seed: 1337,
    book: { metric: 'val_acc', goal: 'max', value: 0.89, text: '≈ 0.89' },
    history: { loss: [0.5, 0.3], val_acc: [0.85, 0.88] },
    final: {},
    config: {},
    seconds: 60,
    data: [],
    environment: undefined,
    notes: [],
    raw: undefined,
    ...overrides,
  };
}

const gruBook: BookFigure = { metric: 'val_loss', goal: 'min', value: 0.265, text: '≈ 0.265' };

describe('bestEpoch', () => {
  it('takes the highest accuracy or the lowest loss, first on a tie, 1-based', () => {
    expect(bestEpoch({ val_acc: [0.8, 0.88, 0.88] }, { metric: 'val_acc', goal: 'max' })).toEqual({
      metric: 'val_acc',
      value: 0.88,
      epoch: 2,
    });
    expect(bestEpoch({ val_loss: [0.3, 0.2, 0.25] }, { metric: 'val_loss', goal: 'min' })?.epoch).toBe(2);
    expect(bestEpoch({}, { metric: 'val_loss', goal: 'min' })).toBeUndefined();
  });
});

describe('judgeRuns', () => {
  it('matches an accuracy within two points of the book, else better or worse', () => {
    expect(judgeRuns([run({})]).verdict).toBe('matches');
    expect(judgeRuns([run({ history: { val_acc: [0.92] } })]).verdict).toBe('better');
    expect(judgeRuns([run({ history: { val_acc: [0.84] } })]).verdict).toBe('worse');
  });

  it('averages seeds with the sample standard deviation', () => {
    const j = judgeRuns([
      run({ history: { val_acc: [0.88] } }),
      run({ seed: 1338, history: { val_acc: [0.86, 0.9] } }),
    ]);
    expect(j.values).toEqual([0.88, 0.9]);
    expect(j.epochs).toEqual([1, 2]);
    expect(j.mean).toBeCloseTo(0.89, 10);
    expect(j.sd).toBeCloseTo(Math.SQRT2 * 0.01, 10);
  });

  it('judges a Jena MAE as a fraction of the baseline measured on the same file', () => {
    // Book: 0.265 / 0.29 = 0.914. Ours: 0.29 / 0.32 = 0.906 → matches; 0.32 / 0.32 = 1 → worse.
    const jena = (best: number) =>
      run({ book: gruBook, history: { val_loss: [0.4, best] }, final: { baseline_mae: 0.32 } });
    expect(judgeRuns([jena(0.29)]).verdict).toBe('matches');
    expect(judgeRuns([jena(0.32)]).verdict).toBe('worse');
    expect(judgeRuns([jena(0.25)]).verdict).toBe('better');
  });

  it('follows the book\'s words for "below/above the baseline" and ranges', () => {
    const relation = (r: 'below-baseline' | 'above-baseline', best: number) =>
      run({
        book: { metric: 'val_loss', goal: 'min', relation: r, text: '' },
        history: { val_loss: [best] },
        final: { baseline_mae: 0.3 },
      });
    expect(judgeRuns([relation('below-baseline', 0.28)]).verdict).toBe('matches');
    expect(judgeRuns([relation('below-baseline', 0.31)]).verdict).toBe('worse');
    expect(judgeRuns([relation('above-baseline', 0.31)]).verdict).toBe('matches');
    expect(judgeRuns([relation('above-baseline', 0.28)]).verdict).toBe('better');
    const range = (best: number) =>
      run({
        book: { metric: 'val_acc', goal: 'max', range: [0.8, 0.89], text: '' },
        history: { val_acc: [best] },
      });
    expect(judgeRuns([range(0.85)]).verdict).toBe('matches');
    expect(judgeRuns([range(0.75)]).verdict).toBe('worse');
    expect(judgeRuns([range(0.9)]).verdict).toBe('better');
  });

  it('compares exact figures (parameter counts) one by one', () => {
    const book: BookFigure = { metric: 'params', goal: 'max', values: { params_a: 322080 }, text: '' };
    expect(judgeRuns([run({ book, history: {}, final: { params_a: 322080 } })]).verdict).toBe('matches');
    expect(judgeRuns([run({ book, history: {}, final: { params_a: 322081 } })]).verdict).toBe('worse');
  });
});

describe('writeReport', () => {
  let dir = '';
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('tabulates finished runs, redraws their curves, skips quick runs and lists what is pending', async () => {
    dir = await mkdtemp(join(tmpdir(), 'report-'));
    const results = join(dir, 'imdb-rnn', 'results');
    await mkdir(results, { recursive: true });
    const result = (seed: number, best: number, quick = false) => ({
      experiment: 'lstm',
      title: 'Embedding + LSTM(32)',
      section: '6.2.3',
      seed,
      config: { quick, epochs: 2, steps: null },
      history: { loss: [0.5, 0.3], acc: [0.7, 0.9], val_loss: [0.4, 0.35], val_acc: [0.85, best] },
      final: {},
      seconds: 120,
      data: [
        { dataset: 'IMDB', file: 'aclImdb_v1.tar.gz', bytes: 1, sha256: 'c40f74a18d3b61f90feba1e1', url: '' },
      ],
      environment: { backend: 'cpu', node: 'v20', platform: 'linux-x64', versions: {}, commit: 'abc' },
    });
    await writeFile(join(results, 'lstm.json'), JSON.stringify(result(1337, 0.88)));
    await writeFile(join(results, 'lstm-seed1338.json'), JSON.stringify(result(1338, 0.9)));
    await writeFile(
      join(results, 'quick.json'),
      JSON.stringify({ ...result(1, 0.5, true), experiment: 'quick' }),
    );
    const book: BookFigure = { metric: 'val_acc', goal: 'max', value: 0.89, text: '≈ 0.89' };
    const catalogs = [
      {
        example: 'imdb-rnn',
        experiments: {
          lstm: { title: 'LSTM', section: '6.2.3', epochs: 10, book },
          bilstm: { title: 'BiLSTM', epochs: 10 },
        },
      },
    ];
    const files = await writeReport(dir, catalogs);
    const md = await readFile(files.markdown, 'utf8');
    expect(md).toContain(
      '| 6.2.3 | imdb-rnn lstm | 0.8900 ± 0.0141 (seeds: 0.8800 @2, 0.9000 @2) | ≈ 0.89 | matches | aclImdb_v1.tar.gz (sha256 c40f74a18d3b…) | 2 | cpu | 4 min (2 runs) | [seed 1337](imdb-rnn/results/lstm.svg) [seed 1338](imdb-rnn/results/lstm-seed1338.svg) |',
    );
    expect(md).not.toContain('quick');
    expect(files.pending).toEqual([
      '`pnpm exp imdb-rnn lstm` (6.2.3, 10 epochs; seeds 1339)',
      '`pnpm exp imdb-rnn bilstm` (10 epochs)',
    ]);
    expect(await readFile(join(results, 'lstm-seed1338.svg'), 'utf8')).toContain(
      '6.2.3 lstm: Embedding + LSTM(32) (seed 1338)',
    );
    expect(await readFile(files.svg, 'utf8')).toMatch(/^<svg /);
  });
});
