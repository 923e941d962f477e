import { Dense, RMSprop, Sequential, setGlobalSeed } from '@tensorseq/layers-core';
import { GRU } from '@tensorseq/layers-recurrent';

/** Units of the page's GRU: small, so two epochs take seconds on one wasm thread. */
export const JENA_GRU_UNITS = 16;

/**
 * The page's forecaster: section 6.3.5's GRU + Dense(1) at browser size, compiled as the book does
 * (rmsprop, MAE; a higher learning rate), with seeded weights so every run of the page starts alike.
 *
 * @param lookback - samples per window.
 * @param features - variables per sample.
 * @param seed - weight initialization seed.
 * @returns the compiled model.
 * @example
 * buildJenaGru(40, 6, 1337).countParams(); // → 1185
 */
export function buildJenaGru(lookback: number, features: number, seed: number): Sequential {
  setGlobalSeed(seed);
  const model = new Sequential({
    layers: [new GRU({ units: JENA_GRU_UNITS, inputShape: [lookback, features] }), new Dense({ units: 1 })],
  });
  // 3× Keras' default learning rate: the page trains for seconds, not the book's 20 epochs of 500 steps.
  model.compile({ optimizer: new RMSprop({ learningRate: 0.003 }), loss: 'mae' });
  return model;
}
