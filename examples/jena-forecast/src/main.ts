/**
 * Deep Learning with Python, section 6.3: forecasting the temperature 24 hours ahead (Jena climate record).
 * Run: pnpm exp jena-forecast [baseline|dense|gru|gru-dropout|stacked-gru|bidirectional-gru] [--epochs N] [--steps N] [--quick]
 */
import { fileURLToPath } from 'node:url';
import { useBackend } from '@tensorseq/backend-cpu';
import { defaultDataDir, parseExperimentArgs, writeExperimentResults } from '@tensorseq/example-utils';
import { runJenaExperiment } from '@tensorseq/example-utils/jena';
import { JENA_EXPERIMENTS, type JenaExperimentName } from './jena-experiments';

const names = Object.keys(JENA_EXPERIMENTS) as JenaExperimentName[];
const args = parseExperimentArgs(process.argv.slice(2), { owner: 'jena-forecast', experiments: names });
if (args.experiment === undefined) {
  console.log(
    'Usage: pnpm exp jena-forecast <experiment> [--epochs N] [--steps N] [--quick]\n\nExperiments:',
  );
  for (const name of names) console.log(`  ${name.padEnd(18)} ${JENA_EXPERIMENTS[name].title}`);
} else {
  // The loaders look in $TENSORSEQ_DATA before downloading: point it at the shared copies when present.
  const dataDir = defaultDataDir();
  if (dataDir !== undefined) process.env.TENSORSEQ_DATA = dataDir;
  await useBackend('cpu');
  const name = args.experiment as JenaExperimentName;
  const result = await runJenaExperiment(name, JENA_EXPERIMENTS[name], args);
  const files = await writeExperimentResults(fileURLToPath(new URL('../results', import.meta.url)), result);
  const final = Object.entries(result.final).map(([k, v]) => `${k} ${v.toFixed(4)}`);
  console.log(
    `Final: ${final.join(', ')} (${result.seconds.toFixed(1)} s). Wrote ${[files.json, files.svg].filter(Boolean).join(' and ')}.`,
  );
}
