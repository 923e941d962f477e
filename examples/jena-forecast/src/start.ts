/**
 * `pnpm start`: tensorseq's main job. Section 6.3.5 of Deep Learning with Python end to end, offline, on
 * data the repository ships: a GRU learns to forecast the Jena temperature 24 hours ahead from 10 days of
 * hourly weather, and is judged against the common-sense baseline ("tomorrow is like today").
 *
 * Run: pnpm start [--epochs N] [--steps N] [--full]
 *   --full  the official 10-minute Keras file (downloaded once, 13 MB), or $TENSORSEQ_DATA's copy of it
 */
import { join } from 'node:path';
import { useBackend } from '@tensorseq/backend-cpu';
import { loadJena } from '@tensorseq/datasets-jena/node';
import { resultsDir, shippedDataFile, writeExperimentResults } from '@tensorseq/example-utils';
import { runJenaExperiment, SHIPPED_JENA_HOURLY } from '@tensorseq/example-utils/jena';
import { JENA_EXPERIMENTS } from './jena-experiments';
import { parseStartArgs } from './parse-start-args';
import { verdict } from './verdict';

const args = parseStartArgs(process.argv.slice(2));
const source = args.full
  ? 'the official 10-minute Keras file'
  : `data/${SHIPPED_JENA_HOURLY} (shipped, hourly)`;
console.log('tensorseq main job: Deep Learning with Python 6.3.5, temperature forecasting with a GRU');
console.log(`Data: the Jena climate record 2009–2016, ${source}.`);
console.log(
  `Training ${args.epochs} epoch${args.epochs === 1 ? '' : 's'} of ${args.steps} steps (the book trains 20 epochs of 500: run \`pnpm exp jena-forecast gru\` for that).`,
);

await useBackend('cpu');
const jena = await loadJena(args.full ? {} : { source: shippedDataFile(SHIPPED_JENA_HOURLY) });
const gru = JENA_EXPERIMENTS.gru;
const result = await runJenaExperiment(
  'start-gru',
  {
    ...gru,
    build: (sizes) => {
      const model = gru.build(sizes);
      model.summary();
      return model;
    },
  },
  { jena, epochs: args.epochs, steps: args.steps },
);
const files = await writeExperimentResults(join(resultsDir(import.meta.url), 'start'), result);
console.log(verdict(result.final));
console.log(`Wrote ${files.json}${files.svg ? ` and ${files.svg}` : ''}.`);
