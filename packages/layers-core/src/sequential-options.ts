import type { Callback } from './callbacks/callback';
import type { Layer } from './layer';
import type { OptimizerIdentifier } from './optimizers/resolve-optimizer';
import type { BatchGenerator } from './training/batch-source';
import type { ModelData } from './training/host-array';

/** Options of {@link Sequential}. */
export interface SequentialOptions {
  /** @defaultValue 'sequential' (then 'sequential_1', ...) */
  name?: string;
  /** Layers to add in order. */
  layers?: Layer[];
}

/** Options of {@link Sequential.compile}. */
export interface CompileOptions {
  /** `'rmsprop'` (Keras defaults), `'adam'`, `'sgd'` or an optimizer instance. */
  optimizer: OptimizerIdentifier;
  /** `'binaryCrossentropy'`, `'categoricalCrossentropy'`, `'sparseCategoricalCrossentropy'`, `'mse'`, `'mae'`. */
  loss: string;
  /** `'acc'`/`'accuracy'` (binary or categorical, chosen like Keras), `'mae'`, `'mse'`... */
  metrics?: string[];
}

/** Options of {@link Sequential.fit} with in-memory data. */
export interface FitOptions {
  /** @defaultValue 1 */
  epochs?: number;
  /** @defaultValue 32 */
  batchSize?: number;
  /** Fraction of the samples, taken from the END (before shuffling, like Keras), held out for validation. */
  validationSplit?: number;
  /** Explicit validation data `[x, y]` (takes precedence over `validationSplit`). */
  validationData?: [ModelData, ModelData];
  /** Reshuffle the training samples before each epoch. @defaultValue true */
  shuffle?: boolean;
  callbacks?: Callback[];
  /** 0 = silent, 1 = progress bar on a TTY (one line per epoch otherwise), 2 = one line per epoch. @defaultValue 1 */
  verbose?: number;
  /** Seeds the shuffling, so two seeded runs see the same batches. */
  seed?: number;
  /** Epoch to start counting from (to resume training). @defaultValue 0 */
  initialEpoch?: number;
}

/** Options of {@link Sequential.fit} with a batch generator (Keras' `fit_generator`). */
export interface FitGeneratorOptions {
  /**
   * Batches drawn per epoch. Omit it to make each epoch one full pass over a re-iterable source (a tfjs-data
   * `Dataset`, an array of batches, an async-iterable object or a function returning a fresh iterator).
   */
  stepsPerEpoch?: number;
  /** @defaultValue 1 */
  epochs?: number;
  /** A second generator (with `validationSteps`) or in-memory `[x, y]`. */
  validationData?: BatchGenerator | [ModelData, ModelData];
  /** Batches drawn from a validation generator at the end of each epoch; omitted, one full pass. */
  validationSteps?: number;
  callbacks?: Callback[];
  /** @defaultValue 1 */
  verbose?: number;
  /** @defaultValue 0 */
  initialEpoch?: number;
}

/** Options of {@link Sequential.evaluate} and {@link Sequential.predict}. */
export interface EvaluateOptions {
  /** @defaultValue 32 */
  batchSize?: number;
  /** Batches to draw when evaluating on a generator. */
  steps?: number;
}
