import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { experimentChart } from '../write-experiment-results';
import { collectResults, type RunRecord } from './collect-results';
import { judgeRuns } from './judge-run';
import { KNOWN_REASONS } from './known-reasons';
import type { ExampleCatalog } from './load-catalogs';
import { type ReportRow, resultsMarkdown } from './results-markdown';
import { summaryChart } from './summary-chart';

/** The headline runs are repeated with these seeds (1337 first); the others run once. */
export const HEADLINE_SEEDS: Readonly<Record<string, readonly number[]>> = {
  'imdb-rnn lstm': [1337, 1338, 1339],
  'jena-forecast gru': [1337, 1338, 1339],
};

/** Files written by {@link writeReport}. */
export interface ReportFiles {
  markdown: string;
  svg: string;
  /** Experiments of the catalogs (or seeds) without a finished result. */
  pending: string[];
}

/**
 * `pnpm exp report`: reads every finished result under `examples/*\/results/`, groups the seeds of each
 * experiment, judges them against the book, redraws each run's curves from its JSON, and writes
 * `examples/RESULTS.md` and `examples/results-summary.svg`.
 *
 * @param examplesDir - the repository's `examples` folder.
 * @param catalogs - every example's experiments (to list those not run yet, in the chapter's order).
 * @returns the paths written and what is pending.
 * @example
 * await writeReport('examples', await loadCatalogs('examples'));
 */
export async function writeReport(
  examplesDir: string,
  catalogs: readonly ExampleCatalog[],
): Promise<ReportFiles> {
  const groups = new Map<string, RunRecord[]>();
  for (const run of collectResults(examplesDir)) {
    const key = `${run.example} ${run.experiment}`;
    // The catalog is the source of truth for the book's figure (a result keeps the wording of its day).
    const info = catalogs.find((c) => c.example === run.example)?.experiments[run.experiment];
    const record = info?.book ? { ...run, book: info.book } : run;
    groups.set(key, [...(groups.get(key) ?? []), record]);
  }
  const rows: ReportRow[] = [...groups.entries()].map(([key, runs]) => {
    runs.sort((a, b) => (a.seed ?? 0) - (b.seed ?? 0));
    return { runs, judgement: judgeRuns(runs), reason: KNOWN_REASONS[key] };
  });
  rows.sort((a, b) => order(a) - order(b) || a.runs[0].experiment.localeCompare(b.runs[0].experiment));

  const pending: string[] = [];
  for (const { example, experiments } of catalogs) {
    for (const [name, info] of Object.entries(experiments)) {
      const key = `${example} ${name}`;
      const done = groups.get(key) ?? [];
      const seeds = HEADLINE_SEEDS[key] ?? [1337];
      const missing = seeds.filter((s) => !done.some((r) => (r.seed ?? 1337) === s));
      if (missing.length) {
        const command = name === example ? `pnpm exp ${example}` : `pnpm exp ${example} ${name}`;
        const facts = [info.section, `${info.epochs ?? 0} epochs`].filter(Boolean).join(', ');
        const seedNote = seeds.length > 1 ? `; seeds ${missing.join(', ')}` : '';
        pending.push(`\`${command}\` (${facts}${seedNote})`);
      }
    }
  }
  // Every run's curves are redrawn from its JSON, so all of them share the current chart style.
  for (const run of groups.values()) {
    for (const r of run) {
      if (r.raw && r.svg) await writeFile(join(examplesDir, r.svg), experimentChart(r.raw));
    }
  }
  const summaryFigure = 'results-summary.svg';
  const markdown = join(examplesDir, 'RESULTS.md');
  const svg = join(examplesDir, summaryFigure);
  await writeFile(markdown, resultsMarkdown(rows, { summaryFigure, pending }));
  await writeFile(
    svg,
    summaryChart(rows.map((r) => ({ label: `${r.runs[0].section} ${r.runs[0].experiment}`, ...r }))),
  );
  return { markdown, svg, pending };
}

/** Chapter order: by section, numerically (6.1.2 < 6.2.1 < 6.3.10). */
function order(row: ReportRow): number {
  const parts = row.runs[0].section.split('.').map(Number);
  return parts.reduce((a, p, i) => a + (Number.isFinite(p) ? p : 0) * 100 ** (3 - i), 0);
}
