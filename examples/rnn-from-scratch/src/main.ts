/**
 * Deep Learning with Python, section 6.2.1: a recurrent layer from scratch, then Keras' SimpleRNN.
 * Run: pnpm exp rnn-from-scratch forward-pass [--seed N]
 */
import { experimentCli, resultsDir } from '@tensorseq/example-utils';
import { RNN_FROM_SCRATCH_CATALOG, runRnnFromScratch } from './rnn-from-scratch-experiments';

await experimentCli({
  owner: 'rnn-from-scratch',
  experiments: RNN_FROM_SCRATCH_CATALOG,
  resultsDir: resultsDir(import.meta.url),
  run: (_name, args) => runRnnFromScratch({ seed: args.seed }),
});
