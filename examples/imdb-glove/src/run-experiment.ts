import { join } from 'node:path';
import { loadImdbText } from '@tensorseq/datasets-imdb/node';
import { embeddingMatrix, type GloveRelease, loadGlove, type VectorSource } from '@tensorseq/embeddings/node';
import { formatHistory } from '@tensorseq/example-utils';
import { type Logs, loadModel, type Sequential, setGlobalSeed } from '@tensorseq/layers-core';
import '@tensorseq/layers-core/node'; // directory save/load
import { Tokenizer } from '@tensorseq/text-vectorize';
import { buildModel } from './build-model';
import { seededPermutation } from './seeded-permutation';
import { type LabeledSequences, takeRows, vectorizeReviews } from './vectorize-reviews';

/** Options of {@link runExperiment}; the defaults are the book's. */
export interface ExperimentOptions {
  /** aclImdb folder or tar.gz. @defaultValue found by `loadImdbText` (`$TENSORSEQ_DATA`, else the official download) */
  imdbSource?: string;
  /** GloVe vectors: a path, URL, `{ zip, member }`, stream, or `{ dims }` release. */
  gloveSource: VectorSource | GloveRelease;
  /** Folder for the saved GloVe model (listing 6.14's `save_weights`). */
  outDir: string;
  /** Words kept per review. @defaultValue 100 */
  maxlen?: number;
  /** Tokenizer `numWords` and Embedding `inputDim`. @defaultValue 10000 */
  numWords?: number;
  /** @defaultValue 200 */
  trainingSamples?: number;
  /** @defaultValue 10000 */
  validationSamples?: number;
  /** @defaultValue 10 */
  epochs?: number;
  /** @defaultValue 32 */
  batchSize?: number;
  /** Seeds the shuffle, and (through `setGlobalSeed`, before each model) its initial weights and batch order. @defaultValue 1337 */
  seed?: number;
  /** `fit`'s verbosity. @defaultValue 0 */
  verbose?: number;
  /** Where progress lines go. @defaultValue console.log */
  log?: (line: string) => void;
}

/** The book's settings, resolved. */
export type ExperimentConfig = Required<
  Pick<
    ExperimentOptions,
    'maxlen' | 'numWords' | 'trainingSamples' | 'validationSamples' | 'epochs' | 'batchSize' | 'seed'
  >
>;

/** One model's outcome. */
export interface ModelResult {
  /** Per-epoch `loss`, `acc`, `val_loss`, `val_acc`. */
  history: Record<string, number[]>;
  /** Loss and accuracy on the test reviews. */
  test: Logs;
  /** Training time, in seconds. */
  fitSeconds: number;
}

/** What {@link runExperiment} returns (and `results/imdb-glove.json` holds). */
export interface ExperimentResults {
  config: ExperimentConfig & {
    gloveSource: string;
    embeddingDim: number;
  };
  data: {
    trainReviews: number;
    testReviews: number;
    uniqueTokens: number;
    /** Embedding rows (of numWords - 1 words) that received a GloVe vector. */
    gloveFound: number;
    /** Words with an index < numWords and no GloVe vector. */
    gloveMissing: number;
  };
  /** Listings 6.11–6.14: GloVe in a frozen Embedding; `test` is listing 6.16's evaluation. */
  glove: ModelResult;
  /** Listing 6.15: the same model learning its own embeddings. */
  noGlove: ModelResult;
  /** Wall time of the whole run, in seconds. */
  totalSeconds: number;
}

/**
 * Runs section 6.1.3 of the book end to end: raw IMDB reviews → Tokenizer → padded sequences →
 * shuffled 200 training / 10,000 validation samples → the model with frozen GloVe embeddings, then the
 * same model without them → both evaluated on the tokenized test reviews (the book evaluates the saved
 * GloVe model; the model without GloVe is evaluated too, for comparison).
 *
 * The caller picks the tfjs backend first (e.g. `await tf.setBackend('cpu')`).
 *
 * @param options - data sources, output folder and the book's settings.
 * @returns histories and test results of both models.
 * @example
 * const results = await runExperiment({ gloveSource: { dims: 100 }, outDir: 'results' });
 * results.glove.history.val_acc.length; // → 10
 */
export async function runExperiment(options: ExperimentOptions): Promise<ExperimentResults> {
  const started = performance.now();
  const config = resolveConfig(options);
  const log = options.log ?? ((line: string) => console.log(line));

  const { train, test } = await loadImdbText({ source: options.imdbSource });
  log(`Read ${train.texts.length} training and ${test.texts.length} test reviews.`);
  const tokenizer = new Tokenizer({ numWords: config.numWords });
  tokenizer.fitOnTexts(train.texts);
  log(`Found ${tokenizer.wordIndex.size} unique tokens.`);
  const all = vectorizeReviews(tokenizer, train.texts, train.labels, config.maxlen);
  log(
    `Shape of data tensor: [${all.x.shape.join(', ')}]; shape of label tensor: [${all.y.shape.join(', ')}]`,
  );
  const { trainSet, validationSet } = splitShuffled(all, config);

  const kept = [...tokenizer.wordIndex].filter(([, i]) => i < config.numWords).map(([w]) => w);
  const kv = await loadGlove(options.gloveSource, { vocabulary: kept });
  const glove = embeddingMatrix(kv, tokenizer.wordIndex, { numWords: config.numWords });
  log(`GloVe vectors (dim ${kv.dim}) found for ${glove.found} of the ${kept.length} kept words.`);

  const shape = { numWords: config.numWords, maxlen: config.maxlen, embeddingDim: kv.dim };
  const fitOptions = { epochs: config.epochs, batchSize: config.batchSize, verbose: options.verbose ?? 0 };
  const fitOne = async (model: Sequential, title: string) => {
    log(`\n${title}`);
    const t0 = performance.now();
    const history = await model.fit(trainSet.x, trainSet.y, {
      ...fitOptions,
      validationData: [validationSet.x, validationSet.y],
    });
    const fitSeconds = (performance.now() - t0) / 1000;
    for (const line of formatHistory(history.history)) log(line);
    return { history: history.history, fitSeconds };
  };

  // Reseeding before each model gives both the same Dense initial weights and batch order, so they
  // differ only in their embeddings (and neither depends on how much randomness the other drew).
  setGlobalSeed(config.seed);
  const gloveModel = buildModel({ ...shape, embeddingMatrix: glove.matrix });
  gloveModel.summary({ printFn: log });
  const gloveFit = await fitOne(gloveModel, 'Model with pretrained GloVe embeddings (frozen):');
  const savedGlove = join(options.outDir, 'pre-trained-glove-model');
  await gloveModel.save(savedGlove);
  gloveModel.dispose();

  setGlobalSeed(config.seed);
  const plainModel = buildModel(shape);
  const plainFit = await fitOne(plainModel, 'Same model without pretrained embeddings:');

  const testSet = vectorizeReviews(tokenizer, test.texts, test.labels, config.maxlen);
  // Listing 6.16: the test set is evaluated with the weights saved after the GloVe run.
  const reloaded = await loadModel(savedGlove);
  const gloveTest = await reloaded.evaluate(testSet.x, testSet.y, { batchSize: config.batchSize });
  reloaded.dispose();
  const plainTest = await plainModel.evaluate(testSet.x, testSet.y, { batchSize: config.batchSize });
  plainModel.dispose();
  log(`\nTest (GloVe, reloaded): loss ${gloveTest.loss.toFixed(4)}, acc ${gloveTest.acc.toFixed(4)}`);
  log(`Test (no GloVe): loss ${plainTest.loss.toFixed(4)}, acc ${plainTest.acc.toFixed(4)}`);

  return {
    config: { ...config, embeddingDim: kv.dim, gloveSource: describeSource(options.gloveSource) },
    data: {
      trainReviews: train.texts.length,
      testReviews: test.texts.length,
      uniqueTokens: tokenizer.wordIndex.size,
      gloveFound: glove.found,
      gloveMissing: glove.missing.length,
    },
    glove: { ...gloveFit, test: gloveTest },
    noGlove: { ...plainFit, test: plainTest },
    totalSeconds: (performance.now() - started) / 1000,
  };
}

function resolveConfig(options: ExperimentOptions): ExperimentConfig {
  const {
    maxlen = 100,
    numWords = 10000,
    trainingSamples = 200,
    validationSamples = 10000,
    epochs = 10,
    batchSize = 32,
    seed = 1337,
  } = options;
  const config = { maxlen, numWords, trainingSamples, validationSamples, epochs, batchSize };
  for (const [name, value] of Object.entries(config)) {
    if (!(Number.isSafeInteger(value) && value > 0)) {
      throw new RangeError(`runExperiment: ${name} must be a positive integer. Received: ${name}=${value}.`);
    }
  }
  return { ...config, seed };
}

/** Listing 6.9's shuffle, then `[:trainingSamples]` for training and the next `validationSamples`. */
function splitShuffled(
  all: LabeledSequences,
  config: ExperimentConfig,
): { trainSet: LabeledSequences; validationSet: LabeledSequences } {
  const samples = all.x.shape[0];
  const needed = config.trainingSamples + config.validationSamples;
  if (needed > samples) {
    throw new RangeError(
      `runExperiment: trainingSamples + validationSamples must be at most the ${samples} training reviews. Received: ${config.trainingSamples} + ${config.validationSamples} = ${needed}.`,
    );
  }
  const order = seededPermutation(samples, config.seed);
  return {
    trainSet: takeRows(all, order, 0, config.trainingSamples),
    validationSet: takeRows(all, order, config.trainingSamples, needed),
  };
}

function describeSource(source: VectorSource | GloveRelease): string {
  if (typeof source === 'string') return source;
  if (source instanceof URL) return source.href;
  if ('dims' in source) return `glove.6B.${source.dims}d.txt (glove.6B.zip)`;
  if ('zip' in source) return `${String(source.zip)}!${source.member}`;
  return '(stream)';
}
