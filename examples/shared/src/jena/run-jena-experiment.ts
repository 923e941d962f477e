import {
  commonSenseBaselineMae,
  type JenaData,
  loadJena,
  normalize,
  parseDuration,
  windowGenerator,
} from '@tensorseq/datasets-jena';
import { setGlobalSeed } from '@tensorseq/layers-core';
import { defaultDataDir } from '../default-data-dir';
import { epochLogger } from '../epoch-logger';
import { saveKerasFile } from '../save-keras-file';
import type { ExperimentResult } from '../write-experiment-results';
import { columnTargets } from './column-targets';
import type { JenaExperiment } from './jena-experiment';
import { defaultJenaSource } from './jena-source';

/** Options of {@link runJenaExperiment}; the defaults are the book's. */
export interface RunJenaExperimentOptions {
  /** @defaultValue the experiment's (20 or 40; 2 with `quick`) */
  epochs?: number;
  /** Cap on batches per epoch, for training (500 in the book) and validation. */
  steps?: number;
  /** Two-day windows, batches of 16, 4 steps per epoch: a run takes seconds (smoke tests). @defaultValue false */
  quick?: boolean;
  /** Seeds the weights and the training windows. @defaultValue 1337 */
  seed?: number;
  /** Already loaded data, instead of `loadJena` on the shared hourly file (or the official one). */
  jena?: JenaData;
  /** Where progress lines go. @defaultValue console.log */
  log?: (line: string) => void;
  /** `--save-keras`: also write the trained model to this `.keras` (or `.h5`) file. */
  saveKeras?: string;
}

const BOOK = { lookback: '10d', delay: '24h', batchSize: 128, stepsPerEpoch: 500 };
const QUICK = {
  lookback: '2d',
  delay: '24h',
  batchSize: 16,
  stepsPerEpoch: 4,
  validationSteps: 2,
  epochs: 2,
};
/** The book's split in rows of its 10-minute file; scaled to the file's sampling interval. */
const TEN_MINUTES = 600_000;
const BOOK_TRAIN_END = 200_000;
const BOOK_VAL_END = 300_000;

/**
 * Runs one temperature-forecasting experiment of section 6.3 the book's way: normalize with the
 * training rows' statistics, predict the temperature 24 h ahead from 10 days of hourly samples, train
 * with rmsprop on the MAE from a shuffled window generator (500 steps per epoch) and validate on the
 * next rows (`(valEnd − valStart − lookback) // 128` steps), next to the common-sense baseline.
 * The book's row limits (200,000 and 300,000 ten-minute rows) are scaled to the file's sampling interval.
 *
 * @param name - the experiment's name (results file name).
 * @param experiment - model, epochs, step; no `build` runs only the baseline.
 * @param options - epochs, step cap, quick mode.
 * @returns the result to write with `writeExperimentResults`; `final.baseline_mae` is always there.
 * @example
 * const result = await runJenaExperiment('gru', { title: 'GRU', epochs: 20, build: buildGru }, { epochs: 1 });
 * result.final.val_loss; // → ≈ 0.27 normalized (the baseline: ≈ 0.29)
 */
export async function runJenaExperiment(
  name: string,
  experiment: JenaExperiment,
  options: RunJenaExperimentOptions = {},
): Promise<ExperimentResult> {
  const { quick = false, seed = 1337, log = console.log } = options;
  const started = performance.now();
  const jena = options.jena ?? (await loadJena({ source: defaultJenaSource(defaultDataDir()) }));
  const sizes = quick ? QUICK : BOOK;
  const rows = (tenMinuteRows: number) => Math.floor((tenMinuteRows * TEN_MINUTES) / jena.intervalMs);
  const trainEnd = rows(BOOK_TRAIN_END);
  const valEnd = rows(BOOK_VAL_END);
  const { data, std } = normalize(jena.data, { rows: trainEnd });
  const targetColumn = temperatureColumn(jena.columns);
  const step = experiment.step ?? '1h';
  const window = {
    lookback: sizes.lookback,
    delay: sizes.delay,
    step,
    samplingInterval: jena.intervalMs,
    batchSize: sizes.batchSize,
    targetColumn,
  };
  const lookbackRows = toRows(sizes.lookback, jena.intervalMs);
  const bookValSteps = Math.floor((valEnd - (trainEnd + 1) - lookbackRows) / sizes.batchSize);
  const cap = (n: number) => Math.min(n, options.steps ?? n);
  const validationSteps = cap(quick ? QUICK.validationSteps : bookValSteps);
  const stepsPerEpoch = cap(sizes.stepsPerEpoch);
  const validation = { ...window, minIndex: trainEnd + 1, maxIndex: valEnd };

  const baseline = commonSenseBaselineMae(data, { ...validation, std, steps: validationSteps });
  log(
    `${name}: ${experiment.title}; ${jena.data.shape[0]} rows every ${jena.intervalMs / 60000} min, ` +
      `train 0..${trainEnd}, validation ${trainEnd + 1}..${valEnd}`,
  );
  log(`Common-sense baseline MAE: ${baseline.mae.toFixed(4)} (${baseline.maeCelsius?.toFixed(2)} °C)`);
  const config = {
    ...sizes,
    step,
    trainEnd,
    valEnd,
    stepsPerEpoch,
    validationSteps,
    quick,
    seed,
    intervalMs: jena.intervalMs,
  };
  const final: Record<string, number> = {
    baseline_mae: baseline.mae,
    baseline_mae_celsius: baseline.maeCelsius ?? Number.NaN,
  };
  if (!experiment.build) {
    return {
      experiment: name,
      title: experiment.title,
      config,
      history: {},
      final,
      seconds: seconds(started),
    };
  }

  setGlobalSeed(seed);
  const timesteps = lookbackRows / toRows(step, jena.intervalMs);
  const model = experiment.build({ timesteps, features: jena.data.shape[1] });
  model.compile({ optimizer: experiment.optimizer?.() ?? 'rmsprop', loss: 'mae' });
  const epochs = options.epochs ?? (quick ? QUICK.epochs : experiment.epochs);
  const train = columnTargets(
    windowGenerator(data, { ...window, minIndex: 0, maxIndex: trainEnd, shuffle: true, seed }),
  );
  const history = await model.fit(train, {
    stepsPerEpoch,
    epochs,
    validationData: columnTargets(windowGenerator(data, validation)),
    validationSteps,
    verbose: 0,
    callbacks: [epochLogger(epochs, log)],
  });
  const params = model.countParams();
  if (options.saveKeras !== undefined) await saveKerasFile(model, options.saveKeras, log);
  model.dispose();
  const h = history.history;
  const valLoss = h.val_loss.at(-1) ?? Number.NaN;
  return {
    experiment: name,
    title: experiment.title,
    config: { ...config, epochs, timesteps, params },
    history: h,
    final: {
      ...final,
      loss: h.loss.at(-1) ?? Number.NaN,
      val_loss: valLoss,
      val_mae_celsius: valLoss * std[targetColumn],
      best_val_loss: Math.min(...h.val_loss),
    },
    seconds: seconds(started),
    references: { loss: { label: 'Common-sense baseline', value: baseline.mae } },
  };
}

/** The temperature column: `T (degC)` in the Keras file and its subsets. */
function temperatureColumn(columns: readonly string[]): number {
  const index = columns.findIndex((c) => c.startsWith('T ('));
  if (index < 0) {
    throw new RangeError(
      `runJenaExperiment: the data must have a temperature column "T (degC)". Received: columns=${columns.join(', ')}.`,
    );
  }
  return index;
}

function toRows(span: string | number, intervalMs: number): number {
  return typeof span === 'number' ? span : parseDuration('runJenaExperiment', 'span', span) / intervalMs;
}

function seconds(started: number): number {
  return (performance.now() - started) / 1000;
}
