import * as tf from '@tensorflow/tfjs-core';
import { assertInRange, assertNonNegativeInteger, assertPositiveInteger } from '@tensorseq/utils';
import { assertTensorseqLayer } from './assert-tensorseq-layer';
import { type Callback, CallbackList, type CallbackModel, type Logs } from './callbacks/callback';
import { History } from './callbacks/history';
import { ProgressLogger } from './callbacks/progress-logger';
import { decodeModel } from './io/decode-model';
import { encodeModel } from './io/encode-model';
import type { ModelArtifacts } from './io/model-format';
import {
  type LoadSource,
  loadArtifacts,
  type ModelHandler,
  type SaveOptions,
  type SaveTarget,
  saveArtifacts,
} from './io/model-handlers';
import { deserializeLayer, type Layer, type LayerConfig } from './layer';
import type { LayerWeight } from './layer-weight';
import { type LossFunction, resolveLoss } from './losses';
import { type MetricFunction, resolveMetric } from './metrics';
import type { Optimizer } from './optimizers/optimizer';
import { resolveOptimizer } from './optimizers/resolve-optimizer';
import { globalSeedStream, SeedStream } from './random';
import { registerCoreLayers } from './register-core-layers';
import { registerGradients } from './register-gradients';
import type {
  CompileOptions,
  EvaluateOptions,
  FitGeneratorOptions,
  FitOptions,
  SequentialOptions,
} from './sequential-options';
import { formatShape, type Shape } from './shape';
import { formatSummary, type SummaryOptions } from './summary';
import {
  arraySource,
  type BatchGenerator,
  type BatchSource,
  generatorSource,
  isBatchGenerator,
} from './training/batch-source';
import { type HostArray, type ModelData, sliceRows, toHostArray, toTensorData } from './training/host-array';

let sequentialCount = 0;

function shapeMatches(expected: Shape, actual: readonly number[]): boolean {
  return (
    expected.length === actual.length && expected.every((d, i) => i === 0 || d === null || d === actual[i])
  );
}

/**
 * Keras' `Sequential` model: a stack of layers with shape inference, mask propagation, `summary()`,
 * `compile` / `fit` / `evaluate` / `predict`, callbacks and atomic `save`.
 *
 * @example
 * const model = new Sequential();
 * model.add(new Embedding({ inputDim: 10000, outputDim: 8, inputLength: 20 }));
 * model.add(new Flatten());
 * model.add(new Dense({ units: 1, activation: 'sigmoid' }));
 * model.compile({ optimizer: 'rmsprop', loss: 'binaryCrossentropy', metrics: ['acc'] });
 * const history = await model.fit(x, y, { epochs: 10, batchSize: 32, validationSplit: 0.2 });
 * history.history.val_acc; // → one value per epoch
 */
export class Sequential implements CallbackModel {
  readonly name: string;
  /** Set by callbacks (EarlyStopping, TerminateOnNaN) to end `fit` after the current batch. */
  stopTraining = false;
  private readonly layerList: Layer[] = [];
  private readonly shapes: Shape[] = [];
  private inputShapeValue: Shape | null = null;
  private compiled: {
    optimizer: Optimizer;
    loss: LossFunction;
    metrics: MetricFunction[];
    config: CompileOptions;
  } | null = null;

  constructor(options: SequentialOptions = {}) {
    registerGradients();
    this.name =
      options.name ?? (sequentialCount++ === 0 ? 'sequential' : `sequential_${sequentialCount - 1}`);
    for (const layer of options.layers ?? []) this.add(layer);
  }

  /** The layers, in order. */
  get layers(): Layer[] {
    return this.layerList.slice();
  }

  /** Input shape with the batch axis (`null` batch), once known. */
  get inputShape(): Shape | null {
    return this.inputShapeValue;
  }

  /** Output shape with the batch axis, once the model is built. */
  get outputShape(): Shape | null {
    return this.shapes.length === this.layerList.length && this.shapes.length > 0
      ? this.shapes[this.shapes.length - 1]
      : null;
  }

  /** Whether every layer has been built (shapes known). */
  get built(): boolean {
    return this.outputShape !== null;
  }

  /**
   * Appends a layer. When the input shape is known (the first layer got `inputShape`/`inputLength`), the
   * layer is built at once and its output shape inferred.
   */
  add(layer: Layer): void {
    assertTensorseqLayer(layer);
    if (this.layerList.some((l) => l.name === layer.name)) {
      throw new RangeError(
        `Sequential.add: layer names must be unique. Received: a second layer named "${layer.name}".`,
      );
    }
    this.layerList.push(layer);
    if (this.layerList.length === 1 && layer.batchInputShape) {
      this.inputShapeValue = layer.batchInputShape.slice();
    }
    if (this.inputShapeValue && this.shapes.length === this.layerList.length - 1) this.inferShapes();
  }

  /** Builds every layer for an input shape (batch axis included; `null` for unknown axes). */
  build(inputShape?: Shape): void {
    if (inputShape) this.inputShapeValue = inputShape.slice();
    if (!this.inputShapeValue) {
      throw new Error(
        `Sequential.build: inputShape must be known. Received: inputShape=undefined. To fix this, pass inputShape to the first layer or call build([null, ...]).`,
      );
    }
    this.shapes.length = 0;
    this.inferShapes();
  }

  private inferShapes(): void {
    let shape = this.shapes.length ? this.shapes[this.shapes.length - 1] : (this.inputShapeValue as Shape);
    for (const layer of this.layerList.slice(this.shapes.length)) {
      if (!layer.built) layer.build(shape);
      shape = layer.computeOutputShape(shape);
      this.shapes.push(shape);
    }
  }

  /** Runs the layers in order, passing each layer's `computeMask` downstream. Used by fit/predict/evaluate. */
  call(x: tf.Tensor, options: { training?: boolean } = {}): tf.Tensor {
    const training = options.training ?? false;
    let out = x;
    let mask: tf.Tensor | null = null;
    for (const layer of this.layerList) {
      const y = layer.apply(out, { training, mask });
      mask = layer.computeMask(out, mask);
      out = Array.isArray(y) ? y[0] : y;
    }
    return out;
  }

  /** Builds from the data's shape when needed, then checks that the data fits the first layer. */
  private checkInput(shape: readonly number[], owner: string): void {
    if (this.layerList.length === 0) {
      throw new Error(
        `${owner}: the model must have layers. Received: an empty Sequential. To fix this, call add().`,
      );
    }
    if (!this.built) this.build(this.inputShapeValue ?? [null, ...shape.slice(1)]);
    const expected = this.inputShapeValue as Shape;
    if (!shapeMatches(expected, shape)) {
      throw new RangeError(
        `${owner}: x must have shape ${formatShape(expected)} to fit the first layer "${this.layerList[0].name}". Received: x shape=${formatShape([...shape])}.`,
      );
    }
  }

  /**
   * Predictions for `x`, computed in batches (no training behaviour: dropout is off).
   *
   * @example
   * model.predict(xTest).shape; // → [25000, 1]
   */
  predict(x: ModelData, options: EvaluateOptions = {}): tf.Tensor {
    const { batchSize = 32 } = options;
    assertPositiveInteger('Sequential.predict', 'batchSize', batchSize);
    const input = x instanceof tf.Tensor ? x : toTensorData(x, 'Sequential.predict', 'x');
    try {
      this.checkInput(input.shape, 'Sequential.predict');
      const n = input.shape[0];
      if (n <= batchSize) return tf.tidy(() => this.call(input));
      const parts: tf.Tensor[] = [];
      for (let start = 0; start < n; start += batchSize) {
        const size = Math.min(batchSize, n - start);
        parts.push(tf.tidy(() => this.call(tf.slice(input, [start], [size]))));
      }
      const out = tf.concat(parts, 0);
      for (const p of parts) p.dispose();
      return out;
    } finally {
      if (input !== x) input.dispose();
    }
  }

  /**
   * Prints Keras' summary table (same parameter counts as Keras) and returns its lines.
   *
   * @example
   * model.summary();
   * // dense (Dense)                (None, 1)                 161
   * // Total params: 80,161
   */
  summary(options: SummaryOptions = {}): string[] {
    if (!this.built) {
      throw new Error(
        `Sequential.summary: the model must be built. Received: unknown input shape. To fix this, pass inputShape (or inputLength) to the first layer, or call build() or fit() first.`,
      );
    }
    const lines = formatSummary(
      this.name,
      this.layerList.map((l, i) => [l, this.shapes[i]] as const),
      options.lineLength,
    );
    const print = options.printFn ?? ((line: string) => console.log(line));
    for (const line of lines) print(line);
    return lines;
  }

  /**
   * Configures training: optimizer, loss and metrics (Keras defaults, see the option docs).
   *
   * @example
   * model.compile({ optimizer: 'rmsprop', loss: 'binaryCrossentropy', metrics: ['acc'] });
   */
  compile(options: CompileOptions): void {
    const loss = resolveLoss(options.loss);
    const optimizer = resolveOptimizer(options.optimizer);
    const width = this.outputShape ? (this.outputShape[this.outputShape.length - 1] ?? null) : null;
    const metrics = (options.metrics ?? []).map((m) => resolveMetric(m, loss.name, width));
    this.compiled = { optimizer, loss, metrics, config: options };
  }

  /** The optimizer set by `compile`, or null. */
  get optimizer(): Optimizer | null {
    return this.compiled?.optimizer ?? null;
  }

  /** The compile options (for saving), or null. */
  get compileConfig(): CompileOptions | null {
    return this.compiled?.config ?? null;
  }

  private requireCompiled(owner: string) {
    if (!this.compiled) {
      throw new Error(
        `${owner}: the model must be compiled first. Received: no compile() call. To fix this, call model.compile({ optimizer, loss }) before ${owner.split('.')[1]}.`,
      );
    }
    return this.compiled;
  }

  /** Names of the values in `trainOnBatch`/`evaluate` logs: `loss`, then the metrics. */
  get metricsNames(): string[] {
    return ['loss', ...(this.compiled?.metrics.map((m) => m.name) ?? [])];
  }

  private trainableLayerWeights(): LayerWeight[] {
    return this.layerList.flatMap((l) => l.trainableWeights);
  }

  /**
   * One gradient step on one batch; returns the batch's loss and metrics (computed on the predictions
   * before the update, as Keras does).
   *
   * @example
   * model.trainOnBatch(xBatch, yBatch); // → { loss: 0.69, acc: 0.5 }
   */
  trainOnBatch(x: tf.Tensor, y: tf.Tensor): Logs {
    const { optimizer, loss, metrics } = this.requireCompiled('Sequential.trainOnBatch');
    this.checkInput(x.shape, 'Sequential.trainOnBatch');
    const weights = this.trainableLayerWeights();
    let pred: tf.Tensor | null = null;
    const values = tf.tidy(() => {
      y = this.alignTargets(y, 'Sequential.trainOnBatch');
      const lossFn = () => {
        const p = this.call(x, { training: true });
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
    this.metricsNames.forEach((name, i) => {
      logs[name] = data[i];
    });
    values.dispose();
    (pred as tf.Tensor | null)?.dispose();
    return logs;
  }

  /** Sums of batch-size-weighted loss and metrics over one batch (no training). */
  private evaluateBatch(x: tf.Tensor, y: tf.Tensor): Float32Array {
    const { loss, metrics } = this.requireCompiled('Sequential.evaluate');
    const values = tf.tidy(() => {
      y = this.alignTargets(y, 'Sequential.evaluate');
      const p = this.call(x, { training: false });
      return tf.stack([tf.mean(loss.perSample(y, p)), ...metrics.map((m) => tf.mean(m.perSample(y, p)))]);
    });
    const data = values.dataSync() as Float32Array;
    values.dispose();
    return data;
  }

  /** Averages loss and metrics over a batch source, weighting each batch by its size. */
  private async evaluateSource(source: BatchSource): Promise<Logs> {
    const names = this.metricsNames;
    const sums = new Float64Array(names.length);
    let seen = 0;
    source.beginEpoch();
    for (let step = 0; source.steps === null || step < source.steps; step++) {
      const batch = await source.next(step);
      if (!batch) break;
      try {
        const values = this.evaluateBatch(batch.x, batch.y);
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

  /**
   * Targets as the loss needs them: `[n]` becomes `[n, 1]` for a one-unit output (Keras does the same for
   * 1-D targets, e.g. the Jena window generator's), and any other mismatch is an error rather than a
   * silently broadcast loss. Call inside `tf.tidy`.
   */
  private alignTargets(y: tf.Tensor, owner: string): tf.Tensor {
    const out = this.outputShape as Shape;
    if (y.rank === 1 && out.length === 2 && out[1] === 1) return tf.reshape(y, [y.shape[0], 1]);
    const sparse = this.compiled?.loss.name === 'sparseCategoricalCrossentropy';
    if (!sparse && !shapeMatches(out, y.shape)) {
      throw new RangeError(
        `${owner}: y must have shape ${formatShape(out)} to match the output of the last layer "${this.layerList[this.layerList.length - 1].name}". Received: y shape=${formatShape(y.shape)}.`,
      );
    }
    return y;
  }

  /** Converts and checks x/y for training or evaluation; reshapes `[n]` targets to `[n, 1]` like Keras. */
  private prepareXY(x: ModelData, y: ModelData, owner: string): { hx: HostArray; hy: HostArray } {
    const { loss } = this.requireCompiled(owner);
    const hx = toHostArray(x, owner, 'x');
    const hy = toHostArray(y, owner, 'y');
    if (hx.shape[0] !== hy.shape[0]) {
      throw new RangeError(
        `${owner}: x and y must have the same number of samples. Received: x shape=${formatShape(hx.shape)}, y shape=${formatShape(hy.shape)}.`,
      );
    }
    this.checkInput(hx.shape, owner);
    const out = this.outputShape as Shape;
    if (hy.shape.length === 1 && out.length === 2 && out[1] === 1) hy.shape = [hy.shape[0], 1];
    const sparse = loss.name === 'sparseCategoricalCrossentropy';
    if (!sparse && !shapeMatches(out, hy.shape)) {
      throw new RangeError(
        `${owner}: y must have shape ${formatShape(out)} to match the output of the last layer "${this.layerList[this.layerList.length - 1].name}". Received: y shape=${formatShape(hy.shape)}.`,
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

  /**
   * Evaluates loss and metrics on data (in batches) or on `steps` batches of a generator.
   *
   * @example
   * await model.evaluate(xTest, yTest); // → { loss: 0.35, acc: 0.87 }
   */
  async evaluate(
    x: ModelData | BatchGenerator,
    y?: ModelData | EvaluateOptions,
    options: EvaluateOptions = {},
  ): Promise<Logs> {
    const owner = 'Sequential.evaluate';
    this.requireCompiled(owner);
    if (isBatchGenerator(x)) {
      const opts = (y ?? {}) as EvaluateOptions;
      if (opts.steps !== undefined) assertPositiveInteger(owner, 'steps', opts.steps);
      return this.evaluateSource(generatorSource(x, opts.steps ?? null, owner));
    }
    const { batchSize = 32 } = options;
    assertPositiveInteger(owner, 'batchSize', batchSize);
    const { hx, hy } = this.prepareXY(x, y as ModelData, owner);
    return this.evaluateSource(arraySource(hx, hy, { batchSize, shuffle: false, seeds: globalSeedStream() }));
  }

  /**
   * Trains the model: `fit(x, y, options)` on in-memory data, or `fit(generator, options)` on a batch
   * generator (Keras' `fit_generator`). Returns the per-epoch {@link History}.
   *
   * @example
   * const h = await model.fit(x, y, { epochs: 10, batchSize: 128, validationSplit: 0.2, verbose: 0 });
   * h.history.val_loss; // → 10 values
   */
  fit(x: ModelData, y: ModelData, options?: FitOptions): Promise<History>;
  fit(generator: BatchGenerator, options?: FitGeneratorOptions): Promise<History>;
  async fit(
    x: ModelData | BatchGenerator,
    y?: ModelData | FitGeneratorOptions,
    options: FitOptions = {},
  ): Promise<History> {
    // Two fits on one model would interleave their steps and share one stopTraining flag: refuse the second.
    if (this.fitting) {
      throw new Error(
        'Sequential.fit: the model must not be training already. Received: a second fit() call while one is running. To fix this, await the first fit() before starting another, or train a separate model.',
      );
    }
    this.fitting = true;
    try {
      return await (isBatchGenerator(x)
        ? this.fitGenerator(x, y as FitGeneratorOptions)
        : this.fitArrays(x, y as ModelData, options));
    } finally {
      this.fitting = false;
    }
  }

  /** True while a `fit` runs. */
  private fitting = false;

  private async fitArrays(x: ModelData, y: ModelData, options: FitOptions): Promise<History> {
    const owner = 'Sequential.fit';
    this.requireCompiled(owner);
    const { epochs = 1, batchSize = 32, shuffle = true, validationSplit = 0 } = options;
    assertPositiveInteger(owner, 'batchSize', batchSize);
    assertInRange(owner, 'validationSplit', validationSplit, { min: 0, max: 1, maxInclusive: false });
    let { hx, hy } = this.prepareXY(x, y, owner);
    let validation: BatchSource | null = null;
    const seeds = options.seed === undefined ? globalSeedStream() : new SeedStream(options.seed);
    if (options.validationData) {
      const v = this.prepareXY(options.validationData[0], options.validationData[1], owner);
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
    return this.runEpochs(train, validation, { ...options, epochs });
  }

  private async fitGenerator(generator: BatchGenerator, options: FitGeneratorOptions): Promise<History> {
    const owner = 'Sequential.fit';
    this.requireCompiled(owner);
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
      const p = this.prepareXY(v[0], v[1], owner);
      validation = arraySource(p.hx, p.hy, { batchSize: 32, shuffle: false, seeds: globalSeedStream() });
    }
    const train = generatorSource(generator, options.stepsPerEpoch ?? null, owner);
    return this.runEpochs(train, validation, options);
  }

  private async runEpochs(
    train: BatchSource,
    validation: BatchSource | null,
    options: { epochs?: number; verbose?: number; callbacks?: Callback[]; initialEpoch?: number },
  ): Promise<History> {
    const owner = 'Sequential.fit';
    const { epochs = 1, verbose = 1, initialEpoch = 0 } = options;
    assertPositiveInteger(owner, 'epochs', epochs);
    assertNonNegativeInteger(owner, 'verbose', verbose);
    assertNonNegativeInteger(owner, 'initialEpoch', initialEpoch);
    const history = new History();
    const all: Callback[] = [history, ...(options.callbacks ?? [])];
    if (verbose > 0) all.push(new ProgressLogger(verbose === 2 ? { tty: false } : {}));
    const callbacks = new CallbackList(all);
    const names = this.metricsNames;
    callbacks.setup(this, {
      epochs,
      steps: train.steps,
      samples: train.samples,
      verbose,
      metrics: [...names, ...(validation ? names.map((n) => `val_${n}`) : [])],
    });
    this.stopTraining = false;
    await callbacks.trainBegin({});
    for (let epoch = initialEpoch; epoch < epochs && !this.stopTraining; epoch++) {
      await callbacks.epochBegin(epoch, {});
      train.beginEpoch();
      const sums = new Float64Array(names.length);
      let seen = 0;
      for (let step = 0; (train.steps === null || step < train.steps) && !this.stopTraining; step++) {
        const batch = await train.next(step);
        if (!batch && train.steps === null && step > 0) break; // the end of one full pass
        if (!batch && train.steps === null) {
          console.warn(
            `${owner}: the data must yield at least one batch per epoch. Received: none in epoch ${epoch + 1}; training stopped. To fix this, pass a re-iterable source (a Dataset, an array, a function returning a fresh iterator) or set stepsPerEpoch.`,
          );
          this.stopTraining = true;
          break;
        }
        if (!batch) {
          console.warn(
            `${owner}: the generator must yield stepsPerEpoch=${train.steps} batches per epoch. Received: it ended at step ${step} of epoch ${epoch + 1}; training stopped.`,
          );
          this.stopTraining = true;
          break;
        }
        const size = batch.x.shape[0];
        await callbacks.batchBegin(step, { batch: step, size });
        let logs: Logs;
        try {
          logs = this.trainOnBatch(batch.x, batch.y);
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
      if (seen === 0 && this.stopTraining) break; // no batch at all: no epoch to report
      const epochLogs: Logs = {};
      names.forEach((n, i) => {
        epochLogs[n] = sums[i] / Math.max(1, seen);
      });
      if (validation && seen > 0) {
        const v = await this.evaluateSource(validation);
        for (const n of names) epochLogs[`val_${n}`] = v[n];
      }
      await callbacks.epochEnd(epoch, epochLogs);
    }
    await callbacks.trainEnd({});
    return history;
  }

  /** All weights in Keras' `get_weights()` order. */
  get weights(): LayerWeight[] {
    return this.layerList.flatMap((l) => l.weights);
  }

  /** Trainable weights. */
  get trainableWeights(): LayerWeight[] {
    return this.trainableLayerWeights();
  }

  /** Copies of all weight values, in `weights` order (the caller disposes them). */
  getWeights(): tf.Tensor[] {
    return this.layerList.flatMap((l) => l.getWeights());
  }

  /** Sets all weights, in `weights` order (tensors or `{ data, shape }` arrays). */
  setWeights(values: ReadonlyArray<tf.Tensor | { data: ArrayLike<number>; shape: number[] }>): void {
    const total = this.weights.length;
    if (values.length !== total) {
      throw new RangeError(
        `Sequential.setWeights: values must hold ${total} arrays (${this.weights.map((w) => w.name).join(', ')}). Received: ${values.length} arrays.`,
      );
    }
    let offset = 0;
    for (const layer of this.layerList) {
      const n = layer.weights.length;
      layer.setWeights(values.slice(offset, offset + n));
      offset += n;
    }
  }

  /** Number of scalars in all weights. */
  countParams(): number {
    return this.layerList.reduce((n, l) => n + l.countParams(), 0);
  }

  /**
   * Saves topology, weights, compile options and optimizer state in the tensorseq model format (see
   * FORMAT.md) and returns what it wrote. With no target it only returns the artifacts (memory); targets are
   * `'indexeddb://name'`, `'downloads://name'` (browser), a {@link ModelHandler}, or a directory, written
   * atomically, once `@tensorseq/layers-core/node` is imported (Node).
   *
   * A directory `dir` may be missing, empty or hold a saved model; a folder with other files is refused
   * unless `{ overwrite: true }`, which replaces the whole folder; if any step fails, the previous model
   * stays at `dir`.
   *
   * @param target - where to write; omitted: memory only.
   * @param options - `overwrite` (directories); see {@link SaveOptions}.
   * @throws Error when a directory holds other files (without `overwrite`) or is a file.
   * @example
   * const { modelJson, weights } = await model.save(); // memory
   * await model.save('indexeddb://imdb'); // browser; then: await loadModel('indexeddb://imdb')
   */
  async save(target?: SaveTarget, options: SaveOptions = {}): Promise<ModelArtifacts> {
    const artifacts = await encodeModel(this);
    if (target !== undefined) await saveArtifacts(artifacts, target, options);
    return artifacts;
  }

  /**
   * Loads a model written by {@link Sequential.save} (same as `loadModel(source)`).
   *
   * @example
   * const model = await Sequential.load('indexeddb://imdb');
   */
  static async load(source: LoadSource): Promise<Sequential> {
    const { artifacts, names } = await loadArtifacts(source);
    return decodeModel(artifacts, Sequential, names);
  }

  /** The topology: `{ name, layers: [{ className, config }] }`. */
  getConfig(): { name: string; layers: { className: string; config: LayerConfig }[] } {
    const layers = this.layerList.map((l) => ({ className: l.className, config: l.getConfig() }));
    // A model built from its data has no input shape in its first layer's config: record it there.
    if (layers.length && this.inputShapeValue && !layers[0].config.batchInputShape) {
      layers[0].config.batchInputShape = this.inputShapeValue;
    }
    return { name: this.name, layers };
  }

  /**
   * Rebuilds a model from `getConfig()` output (this package's layers are registered here; other
   * packages' layers must be registered with `registerLayer`).
   *
   * @example
   * const copy = Sequential.fromConfig(model.getConfig());
   */
  static fromConfig(config: {
    name?: string;
    layers: { className: string; config: LayerConfig }[];
  }): Sequential {
    registerCoreLayers();
    return new Sequential({ name: config.name, layers: config.layers.map((l) => deserializeLayer(l)) });
  }

  /** Releases every layer's weights. */
  dispose(): void {
    for (const l of this.layerList) l.dispose();
  }
}
