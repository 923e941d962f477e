import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BestEpoch, BookFigure } from './book-figure';
import type { DataSource } from './data-source';
import { historyPanels, type ReferenceLine } from './history-panels';
import type { RunEnvironment } from './run-environment';
import { svgChart } from './svg-chart';

/** What one experiment run produced; written as `<experiment>.json`. */
export interface ExperimentResult {
  /** The experiment's name, also the file name. */
  experiment: string;
  /** A one-line description (the book's listing). */
  title: string;
  /** The settings actually used (epochs, sizes, `quick`…). */
  config: Readonly<Record<string, unknown>>;
  /** `History.history`: per-epoch values by metric name. */
  history: Readonly<Record<string, readonly number[]>>;
  /** Final figures (last-epoch metrics, baselines, test scores…). */
  final: Readonly<Record<string, number>>;
  /** Wall time of the whole run. */
  seconds: number;
  /** Horizontal lines on the chart, by metric name. */
  references?: Readonly<Record<string, ReferenceLine>>;
  /** The book's section, e.g. `6.2.3`. */
  section?: string;
  /** The seed of the weights, the shuffling and the dropout masks. */
  seed?: number;
  /** What the book reports. */
  book?: BookFigure;
  /** The best epoch by the book's metric. */
  best?: BestEpoch;
  /** The data files read, with their checksums. */
  data?: readonly DataSource[];
  /** Backend, versions, git commit (filled in by `experimentCli`). */
  environment?: RunEnvironment;
  /** Epochs restored from a checkpoint (`--resume`) rather than trained by this process. */
  resumedEpochs?: number;
  /** When the run finished (ISO 8601). */
  finishedAt?: string;
}

/** Paths written by {@link writeExperimentResults}. */
export interface ExperimentFiles {
  json: string;
  /** `undefined` when the result has no history to draw (e.g. a baseline that trains nothing). */
  svg: string | undefined;
}

/**
 * Writes `<outDir>/<experiment>.json` (the whole result) and, when there is a history,
 * `<outDir>/<experiment>.svg` (the curves); `-seed<N>` is added for a seed other than 1337 and `-quick`
 * for a `--quick` run.
 *
 * @param outDir - the results folder, created if needed.
 * @param result - what the run produced.
 * @returns the paths written.
 * @example
 * await writeExperimentResults('results', { experiment: 'lstm', title: 'LSTM', config: {}, history: { loss: [0.5] }, final: {}, seconds: 1 });
 * // → { json: 'results/lstm.json', svg: 'results/lstm.svg' }
 */
export async function writeExperimentResults(
  outDir: string,
  result: ExperimentResult,
): Promise<ExperimentFiles> {
  await mkdir(outDir, { recursive: true });
  const json = join(outDir, `${fileStem(result)}.json`);
  await writeFile(json, `${JSON.stringify(result, null, 2)}\n`);
  if (Object.keys(result.history).length === 0) return { json, svg: undefined };
  const svg = join(outDir, `${fileStem(result)}.svg`);
  await writeFile(svg, experimentChart(result));
  return { json, svg };
}

/**
 * The curves of a run as an SVG document: one panel per metric, training as dots, validation as a line,
 * reference lines (the Jena baseline) in grey; the heading names the section, experiment and seed.
 *
 * @param result - a run with a history.
 * @returns the SVG text.
 * @example
 * experimentChart({ experiment: 'gru', title: 'GRU(32)', config: {}, history: { loss: [0.3] }, final: {}, seconds: 1 });
 */
export function experimentChart(result: ExperimentResult): string {
  const panels = historyPanels(result.history, { references: result.references });
  // The Jena models' loss is the MAE of the normalized temperature (the baseline line is in that unit).
  if (result.references?.loss) {
    for (const panel of panels) if (panel.yLabel === 'loss') panel.yLabel = 'MAE (normalized)';
  }
  const heading = `${result.section ? `${result.section} ` : ''}${result.experiment}: ${result.title}`;
  return svgChart(panels, {
    title: seedSuffix(result) ? `${heading} (seed ${result.seed})` : heading,
    // One panel (Jena: the loss only) gets the width of two, so its three legend entries fit.
    panelWidth: panels.length === 1 ? 720 : 420,
  });
}

/** The book's runs use the default seed; other seeds (the repeats of the headline runs) get their own files. */
export const DEFAULT_SEED = 1337;

function seedSuffix(result: ExperimentResult): boolean {
  return result.seed !== undefined && result.seed !== DEFAULT_SEED;
}

/**
 * `<experiment>` for the default seed, `<experiment>-seed<N>` for the others, and a `-quick` suffix for
 * `--quick` smoke runs, so that one never overwrites the committed full-scale result beside it.
 */
function fileStem(result: ExperimentResult): string {
  const stem = seedSuffix(result) ? `${result.experiment}-seed${result.seed}` : result.experiment;
  return result.config.quick === true ? `${stem}-quick` : stem;
}
