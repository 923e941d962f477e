import * as tf from '@tensorflow/tfjs-core';
import { assertInRange, assertNonNegativeInteger, assertPositiveInteger } from '@tensorseq/utils';
import { type Callback, CallbackList, type Logs } from '../callbacks/callback';
import { History } from '../callbacks/history';
import { ProgressLogger } from '../callbacks/progress-logger';
import type { CompiledModel } from '../compile-model';
import { globalSeedStream, SeedStream } from '../random';
import type { Sequential } from '../sequential';
import type { EvaluateOptions, FitGeneratorOptions, FitOptions } from '../sequential-options';
import { formatShape, type Shape, shapeMatches } from '../shape';
import {
  arraySource,
  type BatchGenerator,
  type BatchSource,
  generatorSource,
  isBatchGenerator,
} from './batch-source';
import { type HostArray, type ModelData, sliceRows, toHostArray } from './host-array';

/**
 * What the fit/evaluate loop needs from a model: its public surface, its compiled setup, and the input
 * check that builds it from the data's shape (both internal to `Sequential`, which lends them here).
 */
export interface LoopModel {
  model: Sequential;
  compiled: CompiledModel;
  checkInput(shape: readonly number[], owner: string): void;
}

/**
 * One gradient step on one batch; returns the batch's loss and metrics, computed on the predictions before
 * the update, as Keras does.
 *
 * @example
 * trainOnBatch(loop, xBatch, yBatch); // → { loss: 0.69, acc: 0.5 }
 */
export function trainOnBatch(loop: LoopModel, x: tf.Tensor, y: tf.Tensor): Logs {
  const { model, compiled } = loop;
  const { optimizer, loss, metrics } = compiled;
  loop.checkInput(x.shape, 'Sequential.trainOnBatch');
  const weights = model.trainableWeights;
  let pred: tf.Tensor | null = null;
  const values = tf.tidy(() => {
    y = alignTargets(loop, y, 'Sequential.trainOnBatch');
    const lossFn = () => {
      const p = model.call(x, { training: true });
      pred = tf.keep(p);
      return tf.mean(loss.perSample(y, p)) as tf.Scalar;
    };
    let value: tf.Scalar;
    if (weights.length === 0) value = lossFn();
    else {
      const result = tf.variableGrads(
        lossFn,
        weights.map((w) => w.variable),
      );
      value = result.value;
      optimizer.applyGradients(weights.map((w) => ({ weight: w, grad: result.grads[w.variable.name] })));
    }
    const p = pred as unknown as tf.Tensor;
    return tf.stack([value, ...metrics.map((m) => tf.mean(m.perSample(y, p)))]);
  });
  const data = values.dataSync();
  const logs: Logs = {};
  model.metricsNames.forEach((name, i) => {
    logs[name] = data[i];
  });
  values.dispose();
  (pred as tf.Tensor | null)?.dispose();
  return logs;
}

/**
 * Evaluates loss and metrics on data (in batches) or on `steps` batches of a generator.
 *
 * @example
 * await evaluateModel(loop, xTest, yTest); // → { loss: 0.35, acc: 0.87 }
 */
export function evaluateModel(
  loop: LoopModel,
  x: ModelData | BatchGenerator,
  y?: ModelData | EvaluateOptions,
  options: EvaluateOptions = {},
): Promise<Logs> {
  const owner = 'Sequential.evaluate';
  if (isBatchGenerator(x)) {
    const opts = (y ?? {}) as EvaluateOptions;
    if (opts.steps !== undefined) assertPositiveInteger(owner, 'steps', opts.steps);
    return evaluateSource(loop, generatorSource(x, opts.steps ?? null, owner));
  }
  const { batchSize = 32 } = options;
  assertPositiveInteger(owner, 'batchSize', batchSize);
  const { hx, hy } = prepareXY(loop, x, y as ModelData, owner);
  return evaluateSource(loop, arraySource(hx, hy, { batchSize, shuffle: false, seeds: globalSeedStream() }));
}

/**
 * Trains on in-memory data (`fit(x, y, options)`) or on a batch generator (`fit(generator, options)`,
 * Keras' `fit_generator`), and returns the per-epoch {@link History}.
 *
 * @example
 * const h = await fitModel(loop, x, y, { epochs: 10, batchSize: 128, validationSplit: 0.2, verbose: 0 });
 */
export function fitModel(
  loop: LoopModel,
  x: ModelData | BatchGenerator,
  y?: ModelData | FitGeneratorOptions,
  options: FitOptions = {},
): Promise<History> {
  return isBatchGenerator(x)
    ? fitGenerator(loop, x, y as FitGeneratorOptions)
    : fitArrays(loop, x, y as ModelData, options);
}

/** Sums of batch-size-weighted loss and metrics over one batch (no training). */
function evaluateBatch(loop: LoopModel, x: tf.Tensor, y: tf.Tensor): Float32Array {
  const { loss, metrics } = loop.compiled;
  const values = tf.tidy(() => {
    y = alignTargets(loop, y, 'Sequential.evaluate');
    const p = loop.model.call(x, { training: false });
    return tf.stack([tf.mean(loss.perSample(y, p)), ...metrics.map((m) => tf.mean(m.perSample(y, p)))]);
  });
  const data = values.dataSync() as Float32Array;
  values.dispose();
  return data;
}

/** Averages loss and metrics over a batch source, weighting each batch by its size. */
async function evaluateSource(loop: LoopModel, source: BatchSource): Promise<Logs> {
  const names = loop.model.metricsNames;
  const sums = new Float64Array(names.length);
  let seen = 0;
  source.beginEpoch();
  for (let step = 0; source.steps === null || step < source.steps; step++) {
    const batch = await source.next(step);
    if (!batch) break;
    try {
      const values = evaluateBatch(loop, batch.x, batch.y);
      const size = batch.x.shape[0];
      for (let i = 0; i < names.length; i++) sums[i] += values[i] * size;
      seen += size;
    } finally {
      batch.x.dispose();
      batch.y.dispose();
    }
  }
  const logs: Logs = {};
  names.forEach((name, i) => {
    logs[name] = sums[i] / Math.max(1, seen);
  });
  return logs;
}

/** The name of the model's last layer, for error messages. */
function lastLayerName(model: Sequential): string {
  const layers = model.layers;
  return layers[layers.length - 1].name;
}

/**
 * Targets as the loss needs them: `[n]` becomes `[n, 1]` for a one-unit output (Keras does the same for
 * 1-D targets, e.g. the Jena window generator's), and any other mismatch is an error rather than a
 * silently broadcast loss. Call inside `tf.tidy`.
 */
function alignTargets(loop: LoopModel, y: tf.Tensor, owner: string): tf.Tensor {
  const out = loop.model.outputShape as Shape;
  if (y.rank === 1 && out.length === 2 && out[1] === 1) return tf.reshape(y, [y.shape[0], 1]);
  const sparse = loop.compiled.loss.name === 'sparseCategoricalCrossentropy';
  if (!sparse && !shapeMatches(out, y.shape)) {
    throw new RangeError(
      `${owner}: y must have shape ${formatShape(out)} to match the output of the last layer "${lastLayerName(loop.model)}". Received: y shape=${formatShape(y.shape)}.`,
    );
  }
  return y;
}

/** Converts and checks x/y for training or evaluation; reshapes `[n]` targets to `[n, 1]` like Keras. */
function prepareXY(
  loop: LoopModel,
  x: ModelData,
  y: ModelData,
  owner: string,
): { hx: HostArray; hy: HostArray } {
  const { loss } = loop.compiled;
  const hx = toHostArray(x, owner, 'x');
  const hy = toHostArray(y, owner, 'y');
  if (hx.shape[0] !== hy.shape[0]) {
    throw new RangeError(
      `${owner}: x and y must have the same number of samples. Received: x shape=${formatShape(hx.shape)}, y shape=${formatShape(hy.shape)}.`,
    );
  }
  loop.checkInput(hx.shape, owner);
  const out = loop.model.outputShape as Shape;
  if (hy.shape.length === 1 && out.length === 2 && out[1] === 1) hy.shape = [hy.shape[0], 1];
  const sparse = loss.name === 'sparseCategoricalCrossentropy';
  if (!sparse && !shapeMatches(out, hy.shape)) {
    throw new RangeError(
      `${owner}: y must have shape ${formatShape(out)} to match the output of the last layer "${lastLayerName(loop.model)}". Received: y shape=${formatShape(hy.shape)}.`,
    );
  }
  if (loss.name === 'binaryCrossentropy') {
    const bad = hy.data.findIndex((v) => !(v >= 0 && v <= 1));
    if (bad >= 0) {
      throw new RangeError(
        `${owner}: y must hold labels in [0, 1] for loss "binaryCrossentropy". Received: y[${bad}]=${hy.data[bad]}.`,
      );
    }
  }
  return { hx, hy };
}

async function fitArrays(loop: LoopModel, x: ModelData, y: ModelData, options: FitOptions): Promise<History> {
  const owner = 'Sequential.fit';
  const { epochs = 1, batchSize = 32, shuffle = true, validationSplit = 0 } = options;
  assertPositiveInteger(owner, 'batchSize', batchSize);
  assertInRange(owner, 'validationSplit', validationSplit, { min: 0, max: 1, maxInclusive: false });
  let { hx, hy } = prepareXY(loop, x, y, owner);
  let validation: BatchSource | null = null;
  const seeds = options.seed === undefined ? globalSeedStream() : new SeedStream(options.seed);
  if (options.validationData) {
    const v = prepareXY(loop, options.validationData[0], options.validationData[1], owner);
    validation = arraySource(v.hx, v.hy, { batchSize, shuffle: false, seeds });
  } else if (validationSplit > 0) {
    const splitAt = Math.floor(hx.shape[0] * (1 - validationSplit));
    const n = hx.shape[0];
    validation = arraySource(sliceRows(hx, splitAt, n), sliceRows(hy, splitAt, n), {
      batchSize,
      shuffle: false,
      seeds,
    });
    hx = sliceRows(hx, 0, splitAt);
    hy = sliceRows(hy, 0, splitAt);
  }
  const train = arraySource(hx, hy, { batchSize, shuffle, seeds });
  return runEpochs(loop, train, validation, { ...options, epochs });
}

async function fitGenerator(
  loop: LoopModel,
  generator: BatchGenerator,
  options: FitGeneratorOptions,
): Promise<History> {
  const owner = 'Sequential.fit';
  options ??= {};
  if (options.stepsPerEpoch !== undefined)
    assertPositiveInteger(owner, 'stepsPerEpoch', options.stepsPerEpoch);
  let validation: BatchSource | null = null;
  const v = options.validationData;
  if (v && isBatchGenerator(v)) {
    const { validationSteps } = options;
    if (validationSteps !== undefined) assertPositiveInteger(owner, 'validationSteps', validationSteps);
    validation = generatorSource(v, validationSteps ?? null, owner);
  } else if (v) {
    const p = prepareXY(loop, v[0], v[1], owner);
    validation = arraySource(p.hx, p.hy, { batchSize: 32, shuffle: false, seeds: globalSeedStream() });
  }
  const train = generatorSource(generator, options.stepsPerEpoch ?? null, owner);
  return runEpochs(loop, train, validation, options);
}

async function runEpochs(
  loop: LoopModel,
  train: BatchSource,
  validation: BatchSource | null,
  options: { epochs?: number; verbose?: number; callbacks?: Callback[]; initialEpoch?: number },
): Promise<History> {
  const owner = 'Sequential.fit';
  const { model } = loop;
  const { epochs = 1, verbose = 1, initialEpoch = 0 } = options;
  assertPositiveInteger(owner, 'epochs', epochs);
  assertNonNegativeInteger(owner, 'verbose', verbose);
  assertNonNegativeInteger(owner, 'initialEpoch', initialEpoch);
  const history = new History();
  const all: Callback[] = [history, ...(options.callbacks ?? [])];
  if (verbose > 0) all.push(new ProgressLogger(verbose === 2 ? { tty: false } : {}));
  const callbacks = new CallbackList(all);
  const names = model.metricsNames;
  callbacks.setup(model, {
    epochs,
    steps: train.steps,
    samples: train.samples,
    verbose,
    metrics: [...names, ...(validation ? names.map((n) => `val_${n}`) : [])],
  });
  model.stopTraining = false;
  await callbacks.trainBegin({});
  for (let epoch = initialEpoch; epoch < epochs && !model.stopTraining; epoch++) {
    await callbacks.epochBegin(epoch, {});
    train.beginEpoch();
    const sums = new Float64Array(names.length);
    let seen = 0;
    for (let step = 0; (train.steps === null || step < train.steps) && !model.stopTraining; step++) {
      const batch = await train.next(step);
      if (!batch && train.steps === null && step > 0) break; // the end of one full pass
      if (!batch && train.steps === null) {
        console.warn(
          `${owner}: the data must yield at least one batch per epoch. Received: none in epoch ${epoch + 1}; training stopped. To fix this, pass a re-iterable source (a Dataset, an array, a function returning a fresh iterator) or set stepsPerEpoch.`,
        );
        model.stopTraining = true;
        break;
      }
      if (!batch) {
        console.warn(
          `${owner}: the generator must yield stepsPerEpoch=${train.steps} batches per epoch. Received: it ended at step ${step} of epoch ${epoch + 1}; training stopped.`,
        );
        model.stopTraining = true;
        break;
      }
      const size = batch.x.shape[0];
      await callbacks.batchBegin(step, { batch: step, size });
      let logs: Logs;
      try {
        logs = model.trainOnBatch(batch.x, batch.y);
      } finally {
        batch.x.dispose();
        batch.y.dispose();
      }
      names.forEach((n, i) => {
        sums[i] += logs[n] * size;
      });
      seen += size;
      await callbacks.batchEnd(step, { ...logs, batch: step, size });
    }
    if (seen === 0 && model.stopTraining) break; // no batch at all: no epoch to report
    const epochLogs: Logs = {};
    names.forEach((n, i) => {
      epochLogs[n] = sums[i] / Math.max(1, seen);
    });
    if (validation && seen > 0) {
      const v = await evaluateSource(loop, validation);
      for (const n of names) epochLogs[`val_${n}`] = v[n];
    }
    await callbacks.epochEnd(epoch, epochLogs);
  }
  await callbacks.trainEnd({});
  return history;
}
