import type { ImdbExperiment } from '@tensorseq/example-utils/imdb';
import type { JenaExperiment } from '@tensorseq/example-utils/jena';
import { Conv1D, GlobalMaxPooling1D, MaxPooling1D } from '@tensorseq/layers-conv1d';
import { Dense, Embedding, RMSprop, Sequential } from '@tensorseq/layers-core';
import { GRU } from '@tensorseq/layers-recurrent';

/**
 * The IMDB 1D convnet of section 6.4.3: Embedding(10000, 128) + Conv1D(32, 7, relu) + MaxPooling1D(5) +
 * Conv1D(32, 7, relu) + GlobalMaxPooling1D + Dense(1, sigmoid), rmsprop with learning rate 1e-4
 * (the book's listing omits the sigmoid; its loss needs a probability).
 *
 * @example
 * IMDB_CONV1D.build({ numWords: 10000, maxlen: 500 }).countParams(); // → 1315937, as in Keras
 */
export const IMDB_CONV1D: ImdbExperiment = {
  title:
    'Embedding(10000, 128) + Conv1D(32, 7) + MaxPooling1D(5) + Conv1D(32, 7) + GlobalMaxPooling1D (6.4.3)',
  section: '6.4.3',
  book: {
    metric: 'val_acc',
    goal: 'max',
    range: [0.8, 0.89],
    text: '"somewhat less than that of the LSTM" (≈ 0.89); no number stated',
  },
  optimizer: () => new RMSprop({ learningRate: 1e-4 }),
  build: (sizes) => {
    const model = new Sequential();
    model.add(new Embedding({ inputDim: sizes.numWords, outputDim: 128, inputLength: sizes.maxlen }));
    model.add(new Conv1D({ filters: 32, kernelSize: 7, activation: 'relu' }));
    model.add(new MaxPooling1D({ poolSize: 5 }));
    model.add(new Conv1D({ filters: 32, kernelSize: 7, activation: 'relu' }));
    model.add(new GlobalMaxPooling1D());
    model.add(new Dense({ units: 1, activation: 'sigmoid' }));
    return model;
  },
};

/** Conv1D(32, 5, relu) + MaxPooling1D(3) + Conv1D(32, 5, relu): how both Jena convnets of 6.4.4 start. */
function convFront(features: number): Sequential {
  const model = new Sequential();
  model.add(new Conv1D({ filters: 32, kernelSize: 5, activation: 'relu', inputShape: [null, features] }));
  model.add(new MaxPooling1D({ poolSize: 3 }));
  model.add(new Conv1D({ filters: 32, kernelSize: 5, activation: 'relu' }));
  return model;
}

/**
 * The pure convnet of section 6.4.4 on Jena: Conv1D(32, 5, relu) + MaxPooling1D(3) + Conv1D(32, 5, relu) +
 * MaxPooling1D(3) + Conv1D(32, 5, relu) + GlobalMaxPooling1D + Dense(1), 20 epochs on the same windows as
 * the GRU (10 days, hourly). The book's point: a convnet ignores the order of its features beyond its
 * windows, so it cannot beat the common-sense baseline.
 *
 * @example
 * JENA_CONV1D.build?.({ timesteps: 240, features: 14 }).countParams(); // → 2272 + 5152 + 5152 + 33
 */
export const JENA_CONV1D: JenaExperiment = {
  title:
    'Conv1D(32, 5) + MaxPooling1D(3) + Conv1D(32, 5) + MaxPooling1D(3) + Conv1D(32, 5) + GlobalMaxPooling1D (6.4.4)',
  section: '6.4.4',
  book: {
    metric: 'val_loss',
    goal: 'min',
    range: [0.4, 0.5],
    text: '"stays in the 0.40s": worse than the baseline',
  },
  epochs: 20,
  step: '1h',
  build: (sizes) => {
    const model = convFront(sizes.features);
    model.add(new MaxPooling1D({ poolSize: 3 }));
    model.add(new Conv1D({ filters: 32, kernelSize: 5, activation: 'relu' }));
    model.add(new GlobalMaxPooling1D());
    model.add(new Dense({ units: 1 }));
    return model;
  },
};

/**
 * The Jena model of section 6.4.4: a convnet shortens the sequence before a GRU reads it —
 * Conv1D(32, 5, relu) + MaxPooling1D(3) + Conv1D(32, 5, relu) + GRU(32, dropout 0.1, recurrentDropout 0.5)
 * + Dense(1), 20 epochs. The book samples every 30 min (`step=3`); the hourly file's finest step is 1 h.
 *
 * @example
 * JENA_CONV_GRU.build?.({ timesteps: 240, features: 14 }).countParams(); // → 2272 + 5152 + 6336 + 33
 */
export const JENA_CONV_GRU: JenaExperiment = {
  title:
    'Conv1D(32, 5) + MaxPooling1D(3) + Conv1D(32, 5) + GRU(32, dropout 0.1, recurrentDropout 0.5) (6.4.4)',
  section: '6.4.4',
  book: {
    metric: 'val_loss',
    goal: 'min',
    relation: 'below-baseline',
    text: '"not as good as the regularized GRU alone" (≈ 0.265), below the baseline',
  },
  epochs: 20,
  step: '1h',
  build: (sizes) => {
    const model = convFront(sizes.features);
    model.add(new GRU({ units: 32, dropout: 0.1, recurrentDropout: 0.5 }));
    model.add(new Dense({ units: 1 }));
    return model;
  },
};
