/**
 * Deep Learning with Python, section 6.4: sequence processing with convnets.
 * Run: pnpm exp conv1d [imdb-conv1d|jena-conv-gru] [--epochs N] [--steps N] [--quick]
 */
import { fileURLToPath } from 'node:url';
import { useBackend } from '@tensorseq/backend-cpu';
import { defaultDataDir, parseExperimentArgs, writeExperimentResults } from '@tensorseq/example-utils';
import { runImdbExperiment } from '@tensorseq/example-utils/imdb';
import { runJenaExperiment } from '@tensorseq/example-utils/jena';
import { CONV1D_EXPERIMENTS, type Conv1dExperimentName } from './conv1d-experiments';

const names = Object.keys(CONV1D_EXPERIMENTS) as Conv1dExperimentName[];
const args = parseExperimentArgs(process.argv.slice(2), { owner: 'conv1d', experiments: names });
if (args.experiment === undefined) {
  console.log('Usage: pnpm exp conv1d <experiment> [--epochs N] [--steps N] [--quick]\n\nExperiments:');
  for (const name of names) console.log(`  ${name.padEnd(14)} ${CONV1D_EXPERIMENTS[name].experiment.title}`);
} else {
  // The loaders look in $TENSORSEQ_DATA before downloading: point it at the shared copies when present.
  const dataDir = defaultDataDir();
  if (dataDir !== undefined) process.env.TENSORSEQ_DATA = dataDir;
  await useBackend('cpu');
  const name = args.experiment as Conv1dExperimentName;
  const entry = CONV1D_EXPERIMENTS[name];
  const result =
    entry.data === 'imdb'
      ? await runImdbExperiment(name, entry.experiment, args)
      : await runJenaExperiment(name, entry.experiment, args);
  const files = await writeExperimentResults(fileURLToPath(new URL('../results', import.meta.url)), result);
  const final = Object.entries(result.final).map(([k, v]) => `${k} ${v.toFixed(4)}`);
  console.log(
    `Final: ${final.join(', ')} (${result.seconds.toFixed(1)} s). Wrote ${[files.json, files.svg].filter(Boolean).join(' and ')}.`,
  );
}
