import { loadImdb } from '@tensorseq/datasets-imdb';
import { setGlobalSeed } from '@tensorseq/layers-core';
import { epochLogger } from '../epoch-logger';
import { saveKerasFile } from '../save-keras-file';
import type { ExperimentResult } from '../write-experiment-results';
import type { ImdbExperiment } from './imdb-experiment';
import { reviewTensors } from './review-tensors';
import { type ReviewSplit, syntheticReviews } from './synthetic-reviews';

/** Options of {@link runImdbExperiment}; the defaults are the book's. */
export interface RunImdbExperimentOptions {
  /** @defaultValue 10 (2 with `quick`) */
  epochs?: number;
  /** Cap on training batches per epoch: keeps the first `steps × batchSize / 0.8` reviews. */
  steps?: number;
  /** Tiny synthetic data and sizes, so the run takes seconds (smoke tests). @defaultValue false */
  quick?: boolean;
  /** Seeds the weights and the batch order. @defaultValue 1337 */
  seed?: number;
  /** Training reviews to use instead of `loadImdb({ numWords })` (or the synthetic ones of `quick`). */
  reviews?: ReviewSplit;
  /** Where progress lines go. @defaultValue console.log */
  log?: (line: string) => void;
  /** `--save-keras`: also write the trained model to this `.keras` (or `.h5`) file. */
  saveKeras?: string;
}

/** The book's IMDB settings (sections 6.2–6.4). */
export const IMDB_BOOK_SIZES = {
  numWords: 10000,
  maxlen: 500,
  epochs: 10,
  batchSize: 128,
  validationSplit: 0.2,
};
/** `--quick`: a 200-word vocabulary and 50-word reviews (long enough for the convnet's two Conv1D(7)). */
export const IMDB_QUICK_SIZES = { numWords: 200, maxlen: 50, epochs: 2, batchSize: 32, validationSplit: 0.2 };
const QUICK_SAMPLES = 160;

/**
 * Runs one IMDB experiment the book's way: `imdb.load_data(num_words=10000)`, `pad_sequences(maxlen=500)`,
 * binary cross-entropy, 10 epochs of batch 128 with the last 20% of the training reviews for validation.
 *
 * @param name - the experiment's name (results file name).
 * @param experiment - model, optimizer, direction.
 * @param options - epochs, step cap, quick mode.
 * @returns the result to write with `writeExperimentResults`.
 * @example
 * const result = await runImdbExperiment('lstm', { title: 'LSTM', build: buildLstm }, { epochs: 1 });
 * result.final.val_acc; // → ≈ 0.86 after one epoch
 */
export async function runImdbExperiment(
  name: string,
  experiment: ImdbExperiment,
  options: RunImdbExperimentOptions = {},
): Promise<ExperimentResult> {
  const { quick = false, seed = 1337, log = console.log } = options;
  const sizes = quick ? IMDB_QUICK_SIZES : IMDB_BOOK_SIZES;
  const epochs = options.epochs ?? sizes.epochs;
  const started = performance.now();
  const reviews = options.reviews ?? (await trainingReviews(quick, sizes.numWords, log));
  const limit =
    options.steps === undefined
      ? undefined
      : Math.ceil((options.steps * sizes.batchSize) / (1 - sizes.validationSplit));
  const { x, y } = reviewTensors(reviews, { maxlen: sizes.maxlen, reverse: experiment.reverse, limit });
  log(`${name}: ${experiment.title}; ${x.shape[0]} reviews × ${sizes.maxlen} words`);

  setGlobalSeed(seed);
  const model = experiment.build({ numWords: sizes.numWords, maxlen: sizes.maxlen });
  const optimizer = experiment.optimizer?.() ?? 'rmsprop';
  model.compile({ optimizer, loss: 'binaryCrossentropy', metrics: ['acc'] });
  const history = await model.fit(x, y, {
    epochs,
    batchSize: sizes.batchSize,
    validationSplit: sizes.validationSplit,
    verbose: 0,
    callbacks: [epochLogger(epochs, log)],
  });
  const params = model.countParams();
  if (options.saveKeras !== undefined) await saveKerasFile(model, options.saveKeras, log);
  model.dispose();
  const h = history.history;
  return {
    experiment: name,
    title: experiment.title,
    config: { ...sizes, epochs, steps: options.steps ?? null, quick, seed, reviews: x.shape[0], params },
    history: h,
    final: {
      acc: h.acc.at(-1) ?? Number.NaN,
      val_acc: h.val_acc.at(-1) ?? Number.NaN,
      best_val_acc: Math.max(...h.val_acc),
      val_loss: h.val_loss.at(-1) ?? Number.NaN,
    },
    seconds: (performance.now() - started) / 1000,
  };
}

async function trainingReviews(
  quick: boolean,
  numWords: number,
  log: (line: string) => void,
): Promise<ReviewSplit> {
  if (quick) return syntheticReviews({ samples: QUICK_SAMPLES, numWords, length: IMDB_QUICK_SIZES.maxlen });
  log(`Loading IMDB (imdb.load_data semantics, numWords ${numWords})…`);
  const { xTrain, yTrain } = await loadImdb({ numWords });
  return { sequences: xTrain, labels: yTrain };
}
