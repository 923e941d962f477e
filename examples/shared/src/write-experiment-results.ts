import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { historyPanels, type ReferenceLine } from './history-panels';
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
}

/** Paths written by {@link writeExperimentResults}. */
export interface ExperimentFiles {
  json: string;
  /** `undefined` when the result has no history to draw (e.g. a baseline that trains nothing). */
  svg: string | undefined;
}

/**
 * Writes `<outDir>/<experiment>.json` (the whole result) and, when there is a history,
 * `<outDir>/<experiment>.svg` (the curves).
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
  const json = join(outDir, `${result.experiment}.json`);
  await writeFile(json, `${JSON.stringify(result, null, 2)}\n`);
  if (Object.keys(result.history).length === 0) return { json, svg: undefined };
  const svg = join(outDir, `${result.experiment}.svg`);
  const panels = historyPanels(result.history, { references: result.references });
  await writeFile(svg, svgChart(panels, { title: `${result.experiment}: ${result.title}` }));
  return { json, svg };
}
