/**
 * Deep Learning with Python, sections 6.2–6.3: recurrent networks on IMDB.
 * Run: pnpm exp imdb-rnn [simplernn|lstm|bilstm|reversed-lstm] [--epochs N] [--steps N] [--quick]
 */
import { fileURLToPath } from 'node:url';
import { useBackend } from '@tensorseq/backend-cpu';
import { defaultDataDir, parseExperimentArgs, writeExperimentResults } from '@tensorseq/example-utils';
import { runImdbExperiment } from '@tensorseq/example-utils/imdb';
import { IMDB_RNN_EXPERIMENTS, type ImdbRnnExperimentName } from './imdb-rnn-experiments';

const names = Object.keys(IMDB_RNN_EXPERIMENTS) as ImdbRnnExperimentName[];
const args = parseExperimentArgs(process.argv.slice(2), { owner: 'imdb-rnn', experiments: names });
if (args.experiment === undefined) {
  console.log('Usage: pnpm exp imdb-rnn <experiment> [--epochs N] [--steps N] [--quick]\n\nExperiments:');
  for (const name of names) console.log(`  ${name.padEnd(14)} ${IMDB_RNN_EXPERIMENTS[name].title}`);
} else {
  // The loaders look in $TENSORSEQ_DATA before downloading: point it at the shared copies when present.
  const dataDir = defaultDataDir();
  if (dataDir !== undefined) process.env.TENSORSEQ_DATA = dataDir;
  await useBackend('cpu');
  const name = args.experiment as ImdbRnnExperimentName;
  const result = await runImdbExperiment(name, IMDB_RNN_EXPERIMENTS[name], args);
  const files = await writeExperimentResults(fileURLToPath(new URL('../results', import.meta.url)), result);
  const final = Object.entries(result.final).map(([k, v]) => `${k} ${v.toFixed(4)}`);
  console.log(
    `Final: ${final.join(', ')} (${result.seconds.toFixed(1)} s). Wrote ${[files.json, files.svg].filter(Boolean).join(' and ')}.`,
  );
}
