import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  commonSenseBaselineMae,
  JENA_CSV_NAME,
  JENA_URL,
  JENA_ZIP_NAME,
  type JenaData,
  loadJena,
  normalize,
  parseDuration,
  windowGenerator,
} from '@tensorseq/datasets-jena/node';
import { setGlobalSeed } from '@tensorseq/layers-core';
import { bestEpoch } from '../book-figure';
import { type DataSource, describeDataFile } from '../data-source';
import { defaultDataDir } from '../default-data-dir';
import { epochProgress } from '../epoch-progress';
import { missingDataError } from '../missing-data-error';
import { resumableFit } from '../resumable-fit';
import { resumeCommand } from '../resume-command';
import { saveKerasFile } from '../save-keras-file';
import { DEFAULT_SEED, type ExperimentResult } from '../write-experiment-results';
import { columnTargets } from './column-targets';
import type { JenaExperiment } from './jena-experiment';
import { defaultJenaSource, shippedJenaSample } from './jena-source';

/** Options of {@link runJenaExperiment}; the defaults are the book's. */
export interface RunJenaExperimentOptions {
  /** @defaultValue the experiment's (20 or 40; 2 with `quick`) */
  epochs?: number;
  /** Cap on batches per epoch, for training (500 in the book) and validation. */
  steps?: number;
  /** Three-day windows, batches of 16, 4 steps per epoch, on the hourly file shipped in data/: a run takes seconds (smoke tests). @defaultValue false */
  quick?: boolean;
  /** Seeds the weights, the training windows and dropout. @defaultValue 1337 */
  seed?: number;
  /** Already loaded data, instead of `loadJena` on the shared hourly file (or the official one). */
  jena?: JenaData;
  /** Where the per-epoch checkpoint goes; `undefined` keeps none. */
  checkpointDir?: string;
  /** Continue from the checkpoint in `checkpointDir`. @defaultValue false */
  resume?: boolean;
  /** The example's name, for messages. @defaultValue 'runJenaExperiment' */
  owner?: string;
  /** Where progress lines go. @defaultValue console.log */
  log?: (line: string) => void;
  /** `--save-keras`: also write the trained model to this `.keras` (or `.h5`) file. */
  saveKeras?: string;
  /** `--export`: refused here; only the IMDB experiments export a model with its tokenizer. */
  exportDir?: string;
}

const BOOK = { lookback: '10d', delay: '24h', batchSize: 128, stepsPerEpoch: 500 };
/** Three-day windows: the shortest the pure convnet of section 6.4.4 (three Conv1D(5), two pools of 3) accepts. */
const QUICK = {
  lookback: '3d',
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
  const { quick = false, seed = DEFAULT_SEED, log = console.log, owner = 'runJenaExperiment' } = options;
  if (options.exportDir !== undefined) {
    throw new TypeError(
      `${owner}: --export is for the IMDB experiments (a model with its tokenizer). Received: --export=${options.exportDir}. To fix this, use --save-keras <file> for a Jena model.`,
    );
  }
  const started = performance.now();
  // --quick reads the hourly file shipped in data/, so smoke runs need no data folder and no network.
  const source = (quick ? shippedJenaSample() : undefined) ?? defaultJenaSource(defaultDataDir());
  const jena = options.jena ?? (await loadJenaOrExplain(source, owner));
  const data: DataSource[] = options.jena ? [] : await jenaDataFiles(source);
  const sizes = quick ? QUICK : BOOK;
  const rows = (tenMinuteRows: number) => Math.floor((tenMinuteRows * TEN_MINUTES) / jena.intervalMs);
  const trainEnd = rows(BOOK_TRAIN_END);
  const valEnd = rows(BOOK_VAL_END);
  const { data: normalized, std } = normalize(jena.data, { rows: trainEnd });
  const targetColumn = temperatureColumn(jena.columns);
  const step = experiment.step ?? '1h';
  const window = {
    lookback: sizes.lookback,
    delay: sizes.delay,
    step,
    samplingInterval: jena.intervalMs,
    batchSize: sizes.batchSize,
    targetColumn,
    reverse: experiment.reverse ?? false,
  };
  const lookbackRows = toRows(sizes.lookback, jena.intervalMs);
  const bookValSteps = Math.floor((valEnd - (trainEnd + 1) - lookbackRows) / sizes.batchSize);
  const cap = (n: number) => Math.min(n, options.steps ?? n);
  const validationSteps = cap(quick ? QUICK.validationSteps : bookValSteps);
  const stepsPerEpoch = cap(sizes.stepsPerEpoch);
  const validation = { ...window, minIndex: trainEnd + 1, maxIndex: valEnd };

  // The baseline reads the windows in time order whatever the model does.
  const { reverse: _modelOrder, ...inOrder } = validation;
  const baseline = commonSenseBaselineMae(normalized, { ...inOrder, std, steps: validationSteps });
  log(
    `${name}: ${experiment.title}; ${jena.data.shape[0]} rows every ${jena.intervalMs / 60000} min, ` +
      `train 0..${trainEnd}, validation ${trainEnd + 1}..${valEnd}, seed ${seed}`,
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
    reverse: window.reverse,
    intervalMs: jena.intervalMs,
    rows: jena.data.shape[0],
    features: jena.data.shape[1],
    columns: jena.columns,
  };
  const final: Record<string, number> = {
    baseline_mae: baseline.mae,
    baseline_mae_celsius: baseline.maeCelsius ?? Number.NaN,
  };
  if (!experiment.build) {
    return {
      experiment: name,
      title: experiment.title,
      section: experiment.section,
      seed,
      config,
      history: {},
      final,
      book: experiment.book,
      data,
      seconds: seconds(started),
    };
  }

  const timesteps = lookbackRows / toRows(step, jena.intervalMs);
  const build = experiment.build;
  const epochs = options.epochs ?? (quick ? QUICK.epochs : experiment.epochs);
  const fitted = await resumableFit({
    checkpointDir: options.checkpointDir,
    resume: options.resume,
    fingerprint: { name, ...config, epochs },
    epochs,
    log,
    resumeHint: resumeCommand(owner, name, options),
    build: () => {
      setGlobalSeed(seed);
      const model = build({ timesteps, features: jena.data.shape[1] });
      model.compile({ optimizer: experiment.optimizer?.() ?? 'rmsprop', loss: 'mae' });
      return model;
    },
    callbacks: [epochProgress(epochs, log)],
    fit: (model, run) => {
      const train = windowGenerator(normalized, {
        ...window,
        minIndex: 0,
        maxIndex: trainEnd,
        shuffle: true,
        seed,
      });
      const val = windowGenerator(normalized, validation);
      // A resumed run draws the same windows as an uninterrupted one: both generators continue across
      // epochs (fit_generator semantics), so skip what the epochs already trained consumed.
      for (let i = 0; i < run.initialEpoch * stepsPerEpoch; i++) train.next();
      for (let i = 0; i < run.initialEpoch * validationSteps; i++) val.next();
      return model.fit(columnTargets(train), {
        stepsPerEpoch,
        epochs,
        validationData: columnTargets(val),
        validationSteps,
        verbose: 0,
        ...run,
      });
    },
  });
  const params = fitted.model.countParams();
  if (options.saveKeras !== undefined) await saveKerasFile(fitted.model, options.saveKeras, log);
  fitted.model.dispose();
  const h = fitted.history;
  const valLoss = h.val_loss?.at(-1) ?? Number.NaN;
  return {
    experiment: name,
    title: experiment.title,
    section: experiment.section,
    seed,
    config: { ...config, epochs, timesteps, params },
    history: h,
    final: {
      ...final,
      loss: h.loss.at(-1) ?? Number.NaN,
      val_loss: valLoss,
      val_mae_celsius: valLoss * std[targetColumn],
      best_val_loss: Math.min(...(h.val_loss ?? [])),
    },
    book: experiment.book,
    best: bestEpoch(h, experiment.book ?? { metric: 'val_loss', goal: 'min' }),
    data,
    resumedEpochs: fitted.resumedEpochs,
    seconds: fitted.priorSeconds + seconds(started),
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

async function loadJenaOrExplain(source: string | undefined, owner: string): Promise<JenaData> {
  try {
    return await loadJena({ source });
  } catch (e) {
    if (source !== undefined) throw e;
    throw missingDataError({
      owner,
      dataset: 'the Jena climate record (jena_climate_2009_2016.csv.zip)',
      files: [
        {
          fileName: JENA_ZIP_NAME,
          url: JENA_URL,
          sha256: 'not published; Keras checks none for this file',
        },
      ],
      cause: (e as Error).message,
    });
  }
}

/** The file `loadJena` read: the shared hourly copy, the Keras CSV or zip under `$TENSORSEQ_DATA`, else the download. */
async function jenaDataFiles(source: string | undefined): Promise<DataSource[]> {
  if (source !== undefined) {
    return [
      await describeDataFile(
        'Jena climate 2009–2016, hourly, 6 variables (every 6th row of the Keras 10-minute file)',
        source,
        JENA_URL,
      ),
    ];
  }
  const dir = process.env.TENSORSEQ_DATA;
  for (const file of [JENA_CSV_NAME, JENA_ZIP_NAME]) {
    const path = dir ? join(dir, file) : undefined;
    if (path && existsSync(path)) {
      return [await describeDataFile('Jena climate 2009–2016, 10 min, 14 variables', path, JENA_URL)];
    }
  }
  return [
    {
      dataset: 'Jena climate 2009–2016 (downloaded)',
      file: JENA_ZIP_NAME,
      bytes: 0,
      sha256: '',
      url: JENA_URL,
    },
  ];
}

function seconds(started: number): number {
  return (performance.now() - started) / 1000;
}
