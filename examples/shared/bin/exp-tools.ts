/**
 * `pnpm exp list` and `pnpm exp report` (run by scripts/exp.mjs under tsx, from the repository root).
 */
import { resolve } from 'node:path';
import { formatExperimentList } from '../src/experiment-info';
import { loadCatalogs } from '../src/report/load-catalogs';
import { writeReport } from '../src/report/write-report';

const examplesDir = resolve(process.argv[3] ?? 'examples');
const catalogs = await loadCatalogs(examplesDir);
const command = process.argv[2];
if (command === 'list') {
  for (const { example, experiments } of catalogs) {
    const names = Object.keys(experiments);
    console.log(`pnpm exp ${example} ${names.length === 1 && names[0] === example ? '' : '<experiment>'}`);
    for (const line of formatExperimentList(experiments)) console.log(line);
    console.log('');
  }
} else if (command === 'report') {
  const files = await writeReport(examplesDir, catalogs);
  console.log(`Wrote ${files.markdown} and ${files.svg}.`);
  if (files.pending.length)
    console.log(`Not finished yet: ${files.pending.length} runs (listed in RESULTS.md).`);
} else {
  console.error(`exp-tools: command must be list or report. Received: command=${command}.`);
  process.exit(2);
}
