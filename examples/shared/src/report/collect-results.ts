import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BookFigure } from '../book-figure';
import type { DataSource } from '../data-source';
import type { RunEnvironment } from '../run-environment';
import type { ExperimentResult } from '../write-experiment-results';

/** One finished run, as the report reads it from `examples/<example>/results/<file>.json`. */
export interface RunRecord {
  example: string;
  experiment: string;
  /** The JSON file, relative to the examples folder. */
  file: string;
  /** The curves next to it, relative to the examples folder, when drawn. */
  svg: string | undefined;
  title: string;
  section: string;
  seed: number | undefined;
  book: BookFigure | undefined;
  /** Per-epoch values (for imdb-glove: the GloVe model's). */
  history: Record<string, number[]>;
  final: Record<string, number>;
  config: Record<string, unknown>;
  seconds: number;
  data: DataSource[];
  environment: RunEnvironment | undefined;
  /** Extra facts a row shows (imdb-glove: the vectors and words found, test accuracy). */
  notes: string[];
  /** The JSON as written by `writeExperimentResults` (not imdb-glove's own format), to redraw its curves. */
  raw: ExperimentResult | undefined;
}

interface ResultJson {
  experiment?: string;
  title?: string;
  section?: string;
  seed?: number;
  book?: BookFigure;
  history?: Record<string, number[]>;
  final?: Record<string, number>;
  config?: Record<string, unknown>;
  seconds?: number;
  data?: DataSource[] | Record<string, number>;
  environment?: RunEnvironment;
  resumedEpochs?: number;
  // imdb-glove's own format
  dataFiles?: DataSource[];
  glove?: { history: Record<string, number[]>; test: Record<string, number> };
  noGlove?: { history: Record<string, number[]>; test: Record<string, number> };
  totalSeconds?: number;
}

/**
 * Reads every results JSON under `examples/<example>/results/` (quick runs and partial runs excluded):
 * what `pnpm exp report` tabulates.
 *
 * @param examplesDir - the repository's `examples` folder.
 * @returns the runs, in no particular order.
 * @example
 * collectResults('examples').map((r) => r.experiment); // → ['embedding', 'lstm', 'lstm', …]
 */
export function collectResults(examplesDir: string): RunRecord[] {
  const records: RunRecord[] = [];
  for (const example of readdirSync(examplesDir)) {
    const dir = join(examplesDir, example, 'results');
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort()) {
      const json = JSON.parse(readFileSync(join(dir, name), 'utf8')) as ResultJson;
      if (json.config?.quick === true || (json.config?.steps ?? null) !== null) continue;
      const svgName = name.replace(/\.json$/, '.svg');
      const drawn = json.history !== undefined && Object.keys(json.history).length > 0;
      const svg = drawn || existsSync(join(dir, svgName)) ? `${example}/results/${svgName}` : undefined;
      records.push(toRecord(example, `${example}/results/${name}`, svg, json));
    }
  }
  return records;
}

function toRecord(example: string, file: string, svg: string | undefined, json: ResultJson): RunRecord {
  const base = {
    example,
    file,
    svg,
    section: json.section ?? '',
    seed: json.seed ?? (json.config?.seed as number | undefined),
    book: json.book,
    config: json.config ?? {},
    environment: json.environment,
  };
  if (json.glove) {
    const data = (json.data ?? {}) as Record<string, number>;
    const source = String(json.config?.gloveSource ?? '');
    return {
      ...base,
      experiment: 'imdb-glove',
      title:
        'Embedding(10000, 100) from GloVe, frozen + Flatten + Dense(32) + Dense(1), 200 training reviews',
      history: json.glove.history,
      final: {
        test_acc: json.glove.test.acc,
        no_glove_best_val_acc: Math.max(...(json.noGlove?.history.val_acc ?? [Number.NaN])),
        no_glove_test_acc: json.noGlove?.test.acc ?? Number.NaN,
      },
      seconds: json.totalSeconds ?? 0,
      data: json.dataFiles ?? [],
      raw: undefined,
      notes: [
        `vectors: ${source.split(/[\\/]/).pop()}, found for ${data.gloveFound} of the ${(data.gloveFound ?? 0) + (data.gloveMissing ?? 0)} kept words`,
        `test acc ${json.glove.test.acc.toFixed(3)}; without GloVe: best val acc ${Math.max(...(json.noGlove?.history.val_acc ?? [])).toFixed(3)}, test acc ${json.noGlove?.test.acc.toFixed(3)}`,
      ],
    };
  }
  return {
    ...base,
    experiment: json.experiment ?? file,
    title: json.title ?? '',
    history: json.history ?? {},
    final: json.final ?? {},
    seconds: json.seconds ?? 0,
    data: Array.isArray(json.data) ? json.data : [],
    notes: json.resumedEpochs
      ? [
          `the seed-${json.seed} run was stopped after epoch ${json.resumedEpochs} and continued with --resume (same result as an uninterrupted run: see the resume tests)`,
        ]
      : [],
    raw: json as ExperimentResult,
  };
}
