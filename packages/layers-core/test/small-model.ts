// The small compiled model the save/load suites train, save and load (Embedding → Flatten → Dense).
import { Dense, Embedding, Flatten, Sequential, setGlobalSeed } from '../src/index';

/** 32 samples of 5 ids in [0, 30). */
export const smallX = { data: Int32Array.from({ length: 32 * 5 }, (_, i) => (i * 7) % 30), shape: [32, 5] };
/** Alternating 0/1 targets. */
export const smallY = { data: Float32Array.from({ length: 32 }, (_, i) => i % 2), shape: [32, 1] };

/** A compiled Embedding(30, 3) → Flatten → Dense(1, sigmoid) model, initialised from `seed`. */
export function makeSmallModel(seed = 5): Sequential {
  setGlobalSeed(seed);
  const model = new Sequential({
    layers: [
      new Embedding({ inputDim: 30, outputDim: 3, inputLength: 5 }),
      new Flatten(),
      new Dense({ units: 1, activation: 'sigmoid' }),
    ],
  });
  model.compile({ optimizer: 'rmsprop', loss: 'binaryCrossentropy', metrics: ['acc'] });
  return model;
}
