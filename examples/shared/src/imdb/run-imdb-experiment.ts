import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  getWordIndex,
  IMDB_FILE_NAME,
  IMDB_LABELED_FILE_NAME,
  IMDB_SHA256,
  IMDB_URL,
  loadImdb,
  WORD_INDEX_FILE_NAME,
  WORD_INDEX_SHA256,
  WORD_INDEX_URL,
} from '@tensorseq/datasets-imdb/node';
import { setGlobalSeed } from '@tensorseq/layers-core';
import { bestEpoch } from '../book-figure';
import { type DataSource, describeDataFile } from '../data-source';
import { epochProgress } from '../epoch-progress';
import { missingDataError } from '../missing-data-error';
import { resumableFit } from '../resumable-fit';
import { resumeCommand } from '../resume-command';
import { saveKerasFile } from '../save-keras-file';
import { DEFAULT_SEED, type ExperimentResult } from '../write-experiment-results';
import { exportImdbModel } from './export-imdb-model';
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
  /** Seeds the weights, the batch order and dropout. @defaultValue 1337 */
  seed?: number;
  /** Training reviews to use instead of `loadImdb({ numWords })` (or the synthetic ones of `quick`). */
  reviews?: ReviewSplit;
  /** Where the per-epoch checkpoint goes; `undefined` keeps none. */
  checkpointDir?: string;
  /** Continue from the checkpoint in `checkpointDir`. @defaultValue false */
  resume?: boolean;
  /** The example's name, for messages. @defaultValue 'runImdbExperiment' */
  owner?: string;
  /** Where progress lines go. @defaultValue console.log (a progress bar on a terminal) */
  log?: (line: string) => void;
  /** `--save-keras`: also write the trained model to this `.keras` (or `.h5`) file. */
  saveKeras?: string;
  /** `--export`: also write the model for inference, with its tokenizer and provenance, to this folder. */
  exportDir?: string;
  /** `--backend`: recorded in the export's command. */
  backend?: string;
  /** Keras' word index for the export's tokenizer. @defaultValue `getWordIndex()` */
  wordIndex?: ReadonlyMap<string, number>;
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
 * binary cross-entropy, 10 epochs of batch 128 with the last 20% of the training reviews for validation
 * (or the experiment's own sizes: section 6.1.2 uses 20 words and batch 32). With a `checkpointDir` every
 * epoch is checkpointed, and `resume` continues an interrupted run to the same result.
 *
 * @param name - the experiment's name (results file name).
 * @param experiment - model, optimizer, direction, sizes.
 * @param options - epochs, step cap, quick mode, seed, checkpoint.
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
  const { quick = false, seed = DEFAULT_SEED, log = console.log, owner = 'runImdbExperiment' } = options;
  const sizes = quick
    ? IMDB_QUICK_SIZES
    : { ...IMDB_BOOK_SIZES, ...experiment.sizes, epochs: experiment.sizes?.epochs ?? IMDB_BOOK_SIZES.epochs };
  const epochs = options.epochs ?? sizes.epochs;
  if (quick && options.exportDir !== undefined && options.wordIndex === undefined) {
    throw new TypeError(
      `${owner}: --export needs the real reviews. Received: --quick with --export=${options.exportDir} (a quick run trains on synthetic ids no tokenizer produces). To fix this, drop --quick (use --epochs/--steps for a short run).`,
    );
  }
  const started = performance.now();
  const loaded = options.reviews
    ? { reviews: options.reviews, data: [] }
    : await trainingReviews(quick, sizes.numWords, owner, log);
  const limit =
    options.steps === undefined
      ? undefined
      : Math.ceil((options.steps * sizes.batchSize) / (1 - sizes.validationSplit));
  const { x, y } = reviewTensors(loaded.reviews, {
    maxlen: sizes.maxlen,
    reverse: experiment.reverse,
    limit,
  });
  log(`${name}: ${experiment.title}; ${x.shape[0]} reviews × ${sizes.maxlen} words, seed ${seed}`);

  const config = { ...sizes, epochs, steps: options.steps ?? null, quick, seed, reviews: x.shape[0] };
  const fitted = await resumableFit({
    checkpointDir: options.checkpointDir,
    resume: options.resume,
    fingerprint: { name, ...config },
    epochs,
    log,
    resumeHint: resumeCommand(owner, name, options),
    build: () => {
      setGlobalSeed(seed);
      const model = experiment.build({ numWords: sizes.numWords, maxlen: sizes.maxlen });
      const optimizer = experiment.optimizer?.() ?? 'rmsprop';
      model.compile({ optimizer, loss: 'binaryCrossentropy', metrics: ['acc'] });
      return model;
    },
    callbacks: [epochProgress(epochs, log)],
    fit: (model, run) =>
      model.fit(x, y, {
        epochs,
        batchSize: sizes.batchSize,
        validationSplit: sizes.validationSplit,
        verbose: 0,
        ...run,
      }),
  });
  const params = fitted.model.countParams();
  if (options.saveKeras !== undefined) await saveKerasFile(fitted.model, options.saveKeras, log);
  const h = fitted.history;
  const result: ExperimentResult = {
    experiment: name,
    title: experiment.title,
    section: experiment.section,
    seed,
    config: { ...config, params },
    history: h,
    final: {
      acc: h.acc?.at(-1) ?? Number.NaN,
      val_acc: h.val_acc?.at(-1) ?? Number.NaN,
      best_val_acc: Math.max(...(h.val_acc ?? [])),
      val_loss: h.val_loss?.at(-1) ?? Number.NaN,
    },
    book: experiment.book,
    best: bestEpoch(h, experiment.book ?? { metric: 'val_acc', goal: 'max' }),
    data: loaded.data,
    resumedEpochs: fitted.resumedEpochs,
    seconds: fitted.priorSeconds + (performance.now() - started) / 1000,
  };
  try {
    if (options.exportDir !== undefined) {
      // `pnpm exp` runs the example in its own folder: resolve the folder from where the user typed it.
      const dir = resolve(process.env.INIT_CWD ?? process.cwd(), options.exportDir);
      await exportImdbModel(fitted.model, dir, {
        wordIndex: options.wordIndex ?? (await getWordIndex()),
        numWords: sizes.numWords,
        maxlen: sizes.maxlen,
        reverse: experiment.reverse ?? false,
        experiment: name,
        title: experiment.title,
        command: exportCommand(owner, name, options),
        seed,
        epochs,
        reviews: x.shape[0],
        valAcc: result.final.val_acc,
        bestValAcc: result.final.best_val_acc,
        data: loaded.data,
      });
      log(`Exported the model, its tokenizer and export.json to ${dir}`);
    }
  } finally {
    fitted.model.dispose();
  }
  return result;
}

/** The `pnpm exp` command line of this run, for the export's provenance. */
function exportCommand(owner: string, name: string, options: RunImdbExperimentOptions): string {
  const parts = ['pnpm exp', owner, name];
  if (options.epochs !== undefined) parts.push(`--epochs ${options.epochs}`);
  if (options.steps !== undefined) parts.push(`--steps ${options.steps}`);
  if (options.seed !== undefined && options.seed !== DEFAULT_SEED) parts.push(`--seed ${options.seed}`);
  if (options.backend !== undefined && options.backend !== 'cpu') parts.push(`--backend ${options.backend}`);
  if (options.quick) parts.push('--quick');
  parts.push(`--export ${options.exportDir}`);
  return parts.join(' ');
}

async function trainingReviews(
  quick: boolean,
  numWords: number,
  owner: string,
  log: (line: string) => void,
): Promise<{ reviews: ReviewSplit; data: DataSource[] }> {
  if (quick) {
    const reviews = syntheticReviews({ samples: QUICK_SAMPLES, numWords, length: IMDB_QUICK_SIZES.maxlen });
    return { reviews, data: [] };
  }
  log(`Loading IMDB (imdb.load_data semantics, numWords ${numWords})…`);
  let loaded: Awaited<ReturnType<typeof loadImdb>>;
  try {
    loaded = await loadImdb({ numWords });
  } catch (e) {
    throw missingDataError({
      owner,
      dataset: "the IMDB reviews and Keras' word index",
      files: [
        { fileName: IMDB_FILE_NAME, url: IMDB_URL, sha256: IMDB_SHA256 },
        { fileName: WORD_INDEX_FILE_NAME, url: WORD_INDEX_URL, sha256: WORD_INDEX_SHA256 },
      ],
      cause: (e as Error).message,
    });
  }
  return { reviews: { sequences: loaded.xTrain, labels: loaded.yTrain }, data: await imdbDataFiles() };
}

/** The archive `loadImdb` read: the official one or the labeled-only copy under `$TENSORSEQ_DATA`, else the download. */
async function imdbDataFiles(): Promise<DataSource[]> {
  const dir = process.env.TENSORSEQ_DATA;
  for (const file of [IMDB_FILE_NAME, IMDB_LABELED_FILE_NAME]) {
    const path = dir ? join(dir, file) : undefined;
    if (path && existsSync(path)) return [await describeDataFile('IMDB (Maas et al. 2011)', path, IMDB_URL)];
  }
  return [
    {
      dataset: 'IMDB (Maas et al. 2011), downloaded and checked',
      file: IMDB_FILE_NAME,
      bytes: 84125825,
      sha256: IMDB_SHA256,
      url: IMDB_URL,
    },
  ];
}
