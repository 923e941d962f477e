import { loadImdb } from '@tensorseq/datasets-imdb/node';
import { runImdbExperiment } from '@tensorseq/example-utils/imdb';
import { expectSameCurve, lossCurvesOnBackends } from '@tensorseq/example-utils/testing/loss-curves';
import { sampleFile } from '@tensorseq/test-utils';
import { describe, it } from 'vitest';
import { IMDB_RNN_EXPERIMENTS } from '../src/imdb-rnn-experiments';

// The shipped 500-review sample of the real aclImdb archive, in --quick sizes (200 words, maxlen 50).
const imdb = await loadImdb({
  source: sampleFile('imdb/aclImdb_sample500.tar.gz'),
  wordIndexSource: sampleFile('imdb/imdb_word_index.json'),
  numWords: 200,
});
const reviews = { sequences: imdb.xTrain, labels: imdb.yTrain };

describe('the IMDB recurrent models train alike on cpu and wasm', () => {
  it.each(Object.keys(IMDB_RNN_EXPERIMENTS) as (keyof typeof IMDB_RNN_EXPERIMENTS)[])(
    '%s: the same 3-epoch loss curve within float tolerance',
    async (name) => {
      const curves = await lossCurvesOnBackends(['cpu', 'wasm'], () =>
        runImdbExperiment(name, IMDB_RNN_EXPERIMENTS[name], {
          quick: true,
          epochs: 3,
          reviews,
          log: () => {},
        }),
      );
      expectSameCurve(curves.wasm.loss, curves.cpu.loss);
      expectSameCurve(curves.wasm.val_loss, curves.cpu.val_loss);
    },
  );
});
