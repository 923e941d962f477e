import * as tf from '@tensorflow/tfjs-core';
import { type InitializerIdentifier, resolveInitializer } from './initializers';
import { LayerWeight } from './layer-weight';
import { globalSeedStream, SeedStream } from './random';
import { registerGradients } from './register-gradients';
import type { Shape } from './shape';

/** Options every layer accepts. */
export interface LayerOptions {
  /** Unique-per-model name; defaults to the snake_case class name plus a counter (`dense_1`). */
  name?: string;
  /** Whether the layer's weights are updated by training. @defaultValue true */
  trainable?: boolean;
  /** Input shape without the batch axis, for the first layer of a `Sequential` (e.g. `[500]`). */
  inputShape?: Shape;
  /** Input shape with the batch axis (needed by stateful RNNs), e.g. `[32, 240, 14]`. */
  batchInputShape?: Shape;
  /** Batch size that completes `inputShape` into `batchInputShape`. */
  batchSize?: number;
  /** Seed for this layer's initializers and dropout masks; defaults to the global seed stream. */
  seed?: number;
}

/** Arguments of {@link Layer.call}. */
export interface CallArgs {
  /** True inside `fit` (dropout active), false in `predict`/`evaluate`. @defaultValue false */
  training?: boolean;
  /** Boolean-like mask `[batch, time]` (1 = real step) from an upstream layer such as `Embedding({ maskZero: true })`. */
  mask?: tf.Tensor | null;
}

/** What a layer returns: one tensor, or several (a recurrent layer with `returnState`). */
export type LayerOutput = tf.Tensor | tf.Tensor[];

/** Options of {@link Layer.addWeight}. */
export interface AddWeightOptions {
  initializer?: InitializerIdentifier;
  /** @defaultValue true */
  trainable?: boolean;
}

/** JSON-serializable layer configuration: `{ className, config }` in saved topologies. */
export type LayerConfig = Record<string, unknown>;

const nameCounters = new Map<string, number>();

/** Keras' `to_snake_case`: `Conv1D` → `conv1d`, `MaxPooling1D` → `max_pooling1d`, `SimpleRNN` → `simple_rnn`. */
export function toSnakeCase(className: string): string {
  return className
    .replace(/(.)([A-Z][a-z0-9]+)/g, '$1_$2')
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .toLowerCase();
}

function defaultName(className: string): string {
  const base = toSnakeCase(className);
  const n = (nameCounters.get(base) ?? 0) + 1;
  nameCounters.set(base, n);
  return n === 1 ? base : `${base}_${n - 1}`;
}

/**
 * The base of every layer (Keras' `Layer`): owns weights, computes output shapes and masks, and runs a
 * forward pass made of differentiable tfjs-core ops (or `tf.customGrad` / registered kernels with
 * gradients). Subclasses implement `build`, `computeOutputShape`, `call` and `getConfig`.
 *
 * @example
 * class Scale extends Layer {
 *   static readonly className = 'Scale';
 *   override build(inputShape: Shape) {
 *     this.addWeight('scale', [inputShape[inputShape.length - 1]!], { initializer: 'ones' });
 *     super.build(inputShape);
 *   }
 *   computeOutputShape(s: Shape) { return s; }
 *   call(x: tf.Tensor) { return tf.mul(x, this.weights[0].read()); }
 * }
 */
export abstract class Layer {
  /** Keras class name, used in `summary()` and saved topologies. Every subclass overrides it. */
  static readonly className: string = 'Layer';

  readonly name: string;
  /** Whether this layer passes an incoming mask on (Keras' `supports_masking`). */
  supportsMasking = false;
  built = false;
  /** Input shape with batch axis, when given at construction. */
  readonly batchInputShape: Shape | undefined;
  /** Seeds for this layer's initializers and dropout. */
  protected readonly seeds: SeedStream;

  private readonly ownWeights: LayerWeight[] = [];
  private trainableFlag: boolean;

  constructor(options: LayerOptions = {}) {
    registerGradients();
    this.name = options.name ?? defaultName(this.className);
    this.trainableFlag = options.trainable ?? true;
    this.batchInputShape =
      options.batchInputShape ??
      (options.inputShape ? [options.batchSize ?? null, ...options.inputShape] : undefined);
    this.seeds = options.seed === undefined ? globalSeedStream() : new SeedStream(options.seed);
  }

  /** The Keras class name of this instance. */
  get className(): string {
    return (this.constructor as typeof Layer).className;
  }

  get trainable(): boolean {
    return this.trainableFlag;
  }

  /** Freezing a layer (`layer.trainable = false`) freezes all its weights, as in Keras. */
  set trainable(value: boolean) {
    this.trainableFlag = value;
  }

  /** Creates the weights for an input shape. Subclasses add weights, then call `super.build(shape)`. */
  build(_inputShape: Shape): void {
    this.built = true;
  }

  /** Output shape for an input shape (batch axis included). */
  abstract computeOutputShape(inputShape: Shape): Shape;

  /** The forward pass. Inputs are never disposed by the layer. */
  abstract call(inputs: tf.Tensor, args: CallArgs): LayerOutput;

  /** The mask passed downstream. By default: the incoming one if the layer supports masking, else none. */
  computeMask(_inputs: tf.Tensor, mask: tf.Tensor | null): tf.Tensor | null {
    return this.supportsMasking ? mask : null;
  }

  /** Builds on first use (from the tensor's shape), then calls. */
  apply(inputs: tf.Tensor, args: CallArgs = {}): LayerOutput {
    if (!this.built) this.build(inputs.shape);
    return this.call(inputs, args);
  }

  /** Creates and registers a weight named `<layer>/<name>`. */
  protected addWeight(name: string, shape: number[], options: AddWeightOptions = {}): LayerWeight {
    const { initializer = 'glorotUniform', trainable = true } = options;
    const init = resolveInitializer(initializer, this.className);
    const value = init.apply(shape, this.seeds);
    const weight = new LayerWeight(`${this.name}/${name}`, value, trainable, () => this.trainable);
    value.dispose();
    this.ownWeights.push(weight);
    return weight;
  }

  /** All weights, in Keras' `get_weights()` order (creation order). */
  get weights(): LayerWeight[] {
    return this.ownWeights.slice();
  }

  get trainableWeights(): LayerWeight[] {
    return this.ownWeights.filter((w) => w.trainable);
  }

  get nonTrainableWeights(): LayerWeight[] {
    return this.ownWeights.filter((w) => !w.trainable);
  }

  /** Copies of the weight values (the caller disposes them). */
  getWeights(): tf.Tensor[] {
    return this.ownWeights.map((w) => tf.clone(w.read()));
  }

  /**
   * Sets every weight, in `weights` order; values may be tensors or `{ data, shape }` arrays (e.g. a GloVe
   * matrix from `@tensorseq/embeddings`).
   */
  setWeights(values: ReadonlyArray<tf.Tensor | { data: ArrayLike<number>; shape: number[] }>): void {
    if (values.length !== this.ownWeights.length) {
      throw new RangeError(
        `${this.name}: setWeights expects ${this.ownWeights.length} arrays (${this.ownWeights
          .map((w) => `${w.name} [${w.shape}]`)
          .join(', ')}). Received: ${values.length} arrays.`,
      );
    }
    this.ownWeights.forEach((w, i) => {
      const v = values[i];
      if (v instanceof tf.Tensor) {
        w.write(v);
      } else {
        const t = tf.tensor(v.data as Float32Array, v.shape, 'float32');
        try {
          w.write(t);
        } finally {
          t.dispose();
        }
      }
    });
  }

  /** Number of scalars in all weights (Keras' `count_params`). */
  countParams(): number {
    return this.ownWeights.reduce((n, w) => n + w.shape.reduce((a, b) => a * b, 1), 0);
  }

  /** JSON-serializable configuration; subclasses spread `super.getConfig()` into theirs. */
  getConfig(): LayerConfig {
    const config: LayerConfig = { name: this.name, trainable: this.trainable };
    if (this.batchInputShape) config.batchInputShape = this.batchInputShape;
    return config;
  }

  /** Resets recurrent state (stateful layers override it). */
  resetStates(): void {}

  /** Releases the weights' memory. */
  dispose(): void {
    for (const w of this.ownWeights) w.dispose();
    this.ownWeights.length = 0;
    this.built = false;
  }
}

/** A layer class that can be rebuilt from its config (used by `loadModel` and `Bidirectional`). */
export interface LayerClass {
  readonly className: string;
  fromConfig(config: LayerConfig): Layer;
}

const layerRegistry = new Map<string, LayerClass>();

/**
 * Makes a layer class known to `loadModel` / `deserializeLayer`. Each package registers its layers when
 * its module loads, e.g. `registerLayer(Dense)`.
 *
 * @example
 * registerLayer(LSTM); // loadModel can now rebuild saved LSTM layers
 */
export function registerLayer(cls: LayerClass): void {
  layerRegistry.set(cls.className, cls);
}

/**
 * Rebuilds a layer from `{ className, config }`.
 *
 * @example
 * deserializeLayer({ className: 'Dense', config: { units: 4 } }) // → Dense (after registerCoreLayers())
 */
export function deserializeLayer(serialized: { className: string; config: LayerConfig }): Layer {
  const cls = layerRegistry.get(serialized.className);
  if (!cls) {
    throw new RangeError(
      `deserializeLayer: className must be a registered layer (${[...layerRegistry.keys()].join(', ')}). Received: className="${serialized.className}". To fix this, import the package that defines it.`,
    );
  }
  return cls.fromConfig(serialized.config);
}
