import * as tf from '@tensorflow/tfjs-core';
import { assertPositiveInteger } from '@tensorseq/utils';
import { assertTensorseqLayer } from './assert-tensorseq-layer';
import type { CallbackModel, Logs } from './callbacks/callback';
import type { History } from './callbacks/history';
import { type CompiledModel, compileModel, requireCompiled } from './compile-model';
import type { ModelArtifacts } from './io/model-format';
import type { LoadSource, ModelHandler, SaveOptions, SaveTarget } from './io/model-handlers';
import { loadSequential, saveSequential } from './io/save-load';
import type { Layer, LayerConfig } from './layer';
import type { LayerWeight } from './layer-weight';
import { Embedding } from './layers/embedding';
import type { Optimizer } from './optimizers/optimizer';
import { registerGradients } from './register-gradients';
import { layersFromConfig, sequentialConfig } from './sequential-config';
import type {
  CompileOptions,
  EvaluateOptions,
  FitGeneratorOptions,
  FitOptions,
  SequentialOptions,
} from './sequential-options';
import { formatShape, type Shape, shapeMatches } from './shape';
import { formatSummary, type SummaryOptions } from './summary';
import type { BatchGenerator } from './training/batch-source';
import { evaluateModel, fitModel, type LoopModel, trainOnBatch } from './training/fit-loop';
import { type ModelData, toTensorData } from './training/host-array';

let sequentialCount = 0;

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
  private compiled: CompiledModel | null = null;

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
    const layers = this.layerList;
    for (let i = 0; i < layers.length; i++) {
      const layer = layers[i];
      // An Embedding and a layer that runs on its table and ids directly (Conv1D) may run as one op.
      const fused =
        layer instanceof Embedding && i + 1 < layers.length && mask === null
          ? layer.applyFused(layers[i + 1], out, { training })
          : null;
      if (fused !== null) {
        out = fused;
        i++;
        continue;
      }
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
    const previous = this.compiled;
    this.compiled = compileModel(options, this.outputShape);
    if (previous?.ownsOptimizer && previous.optimizer !== this.compiled.optimizer)
      previous.optimizer.dispose?.();
  }

  /** The optimizer set by `compile`, or null. */
  get optimizer(): Optimizer | null {
    return this.compiled?.optimizer ?? null;
  }

  /** The compile options (for saving), or null. */
  get compileConfig(): CompileOptions | null {
    return this.compiled?.config ?? null;
  }

  /**
   * The fit/evaluate loop's view of this model (training/fit-loop.ts): the model, its compiled setup (the
   * error to compile first when there is none) and its input check, which stay internal here.
   */
  private loopModel(owner: string): LoopModel {
    requireCompiled(this.compiled, owner);
    const model = this;
    return {
      model,
      get compiled() {
        return requireCompiled(model.compiled, owner);
      },
      checkInput: (shape, checkOwner) => model.checkInput(shape, checkOwner),
    };
  }

  /** Names of the values in `trainOnBatch`/`evaluate` logs: `loss`, then the metrics. */
  get metricsNames(): string[] {
    return ['loss', ...(this.compiled?.metrics.map((m) => m.name) ?? [])];
  }

  /**
   * One gradient step on one batch; returns the batch's loss and metrics (computed on the predictions
   * before the update, as Keras does).
   *
   * @example
   * model.trainOnBatch(xBatch, yBatch); // → { loss: 0.69, acc: 0.5 }
   */
  trainOnBatch(x: tf.Tensor, y: tf.Tensor): Logs {
    return trainOnBatch(this.loopModel('Sequential.trainOnBatch'), x, y);
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
    return evaluateModel(this.loopModel('Sequential.evaluate'), x, y, options);
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
      return await fitModel(this.loopModel('Sequential.fit'), x, y, options);
    } finally {
      this.fitting = false;
    }
  }

  /** True while a `fit` runs. */
  private fitting = false;

  /** All weights in Keras' `get_weights()` order. */
  get weights(): LayerWeight[] {
    return this.layerList.flatMap((l) => l.weights);
  }

  /** Trainable weights. */
  get trainableWeights(): LayerWeight[] {
    return this.layerList.flatMap((l) => l.trainableWeights);
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
  save(target?: SaveTarget, options: SaveOptions = {}): Promise<ModelArtifacts> {
    return saveSequential(this, target, options);
  }

  /**
   * Loads a model written by {@link Sequential.save} (same as `loadModel(source)`).
   *
   * @example
   * const model = await Sequential.load('indexeddb://imdb');
   */
  static load(source: LoadSource): Promise<Sequential> {
    return loadSequential(source, Sequential);
  }

  /** The topology: `{ name, layers: [{ className, config }] }`. */
  getConfig(): { name: string; layers: { className: string; config: LayerConfig }[] } {
    return sequentialConfig(this.name, this.layerList, this.inputShapeValue);
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
    return new Sequential({ name: config.name, layers: layersFromConfig(config) });
  }

  /** Releases every layer's weights, and the optimizer's state when compile created the optimizer. */
  dispose(): void {
    for (const l of this.layerList) l.dispose();
    if (this.compiled?.ownsOptimizer) this.compiled.optimizer.dispose?.();
  }
}
