import { loadImdb } from '@tensorseq/datasets-imdb/node';
import { loadJena } from '@tensorseq/datasets-jena/node';
import { runImdbExperiment } from '@tensorseq/example-utils/imdb';
import { runJenaExperiment } from '@tensorseq/example-utils/jena';
import { expectSameCurve, lossCurvesOnBackends } from '@tensorseq/example-utils/testing/loss-curves';
import { sampleFile } from '@tensorseq/test-utils';
import { describe, it } from 'vitest';
import { IMDB_CONV1D, JENA_CONV_GRU } from '../src/conv1d-experiments';

describe('the convnets train alike on cpu and wasm (3 epochs, shipped real samples)', () => {
  it('imdb-conv1d: the same loss curve within float tolerance', async () => {
    const imdb = await loadImdb({
      source: sampleFile('imdb/aclImdb_sample500.tar.gz'),
      wordIndexSource: sampleFile('imdb/imdb_word_index.json'),
      numWords: 200,
    });
    const reviews = { sequences: imdb.xTrain, labels: imdb.yTrain };
    const curves = await lossCurvesOnBackends(['cpu', 'wasm'], () =>
      runImdbExperiment('imdb-conv1d', IMDB_CONV1D, { quick: true, epochs: 3, reviews, log: () => {} }),
    );
    expectSameCurve(curves.wasm.loss, curves.cpu.loss);
    expectSameCurve(curves.wasm.val_loss, curves.cpu.val_loss);
  });

  it('jena-conv-gru: the same loss curve within float tolerance', async () => {
    const jena = await loadJena({ source: sampleFile('jena/jena_hourly_6vars_2009_2016.csv.zip') });
    const curves = await lossCurvesOnBackends(['cpu', 'wasm'], () =>
      runJenaExperiment('jena-conv-gru', JENA_CONV_GRU, { quick: true, epochs: 3, jena, log: () => {} }),
    );
    expectSameCurve(curves.wasm.loss, curves.cpu.loss);
    expectSameCurve(curves.wasm.val_loss, curves.cpu.val_loss);
  });
});
