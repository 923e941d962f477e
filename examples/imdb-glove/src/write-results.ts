import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type ChartPanel, svgChart } from '@tensorseq/example-utils';
import type { ExperimentResults, ModelResult } from './run-experiment';

/** Files written by {@link writeResults}. */
export interface ResultFiles {
  json: string;
  svg: string;
}

const TRAINING = '#1f77b4';
const VALIDATION = '#d62728';

/**
 * Writes `imdb-glove.json` (settings, data counts, histories, test results) and `imdb-glove.svg`
 * (training and validation accuracy and loss of both models: listing 6.14's plots, twice); a `--quick`
 * run writes `imdb-glove-quick.*` instead, leaving the full-scale result alone.
 *
 * @param outDir - the results folder (created if needed).
 * @param results - what `runExperiment` returned.
 * @returns the paths written.
 * @example
 * await writeResults('results', results); // → { json: 'results/imdb-glove.json', svg: 'results/imdb-glove.svg' }
 */
export async function writeResults(
  outDir: string,
  results: ExperimentResults & {
    /** `config.quick`: a smoke run on the shipped samples (left out of RESULTS.md). */
    config: { quick?: boolean };
    section?: string;
    book?: unknown;
    /** The data files read, with their sha256. */
    dataFiles?: unknown;
    environment?: unknown;
    finishedAt?: string;
  },
): Promise<ResultFiles> {
  await mkdir(outDir, { recursive: true });
  const stem = results.config.quick === true ? 'imdb-glove-quick' : 'imdb-glove';
  const files = { json: join(outDir, `${stem}.json`), svg: join(outDir, `${stem}.svg`) };
  await writeFile(files.json, `${JSON.stringify(results, null, 2)}\n`);
  const panels = [
    ...modelPanels('GloVe (frozen)', results.glove),
    ...modelPanels('No pretrained embeddings', results.noGlove),
  ];
  const title = `IMDB, ${results.config.trainingSamples} training samples: GloVe vs. learned embeddings`;
  await writeFile(files.svg, svgChart(panels, { title }));
  return files;
}

function modelPanels(name: string, result: ModelResult): ChartPanel[] {
  const { history } = result;
  const panel = (metric: 'acc' | 'loss', label: string): ChartPanel => ({
    title: `${name}: ${label}`,
    yLabel: label,
    series: [
      { label: `Training ${label}`, values: history[metric] ?? [], style: 'points', color: TRAINING },
      {
        label: `Validation ${label}`,
        values: history[`val_${metric}`] ?? [],
        style: 'line',
        color: VALIDATION,
      },
    ],
  });
  return [panel('acc', 'accuracy'), panel('loss', 'loss')];
}
