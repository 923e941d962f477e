import * as tf from '@tensorflow/tfjs-core';
import { TensorseqConv1D, TensorseqTapGather } from '@tensorseq/kernels';
import {
  type ActivationFunction,
  assertOneOf,
  assertPositiveInteger,
  type CallArgs,
  type EmbeddedIds,
  type EmbeddingConsumer,
  type Initializer,
  type InitializerIdentifier,
  Layer,
  type LayerConfig,
  type LayerOptions,
  type LayerWeight,
  resolveActivation,
  resolveInitializer,
  type Shape,
  serializeInitializer,
} from '@tensorseq/layers-core';
import { assertRank3 } from './assert';
import { type ConvPadding, convOutputLength, type Window1D, window1d } from './conv-utils';
import { conv1dReference } from './conv1d-reference';
import { embeddingConv1d, embeddingConv1dPays } from './embedding-conv1d';
import { isFusedActivation } from './fused-activation';
import { checkUseFusedKernel, type UseFusedKernel, useFusedKernel } from './fused-kernel';
import { conv1dKernel } from './run-kernel';

const PADDINGS: readonly ConvPadding[] = ['valid', 'same', 'causal'];

/** Options of {@link Conv1D} (Keras' `Conv1D` arguments in camelCase). */
export interface Conv1DOptions extends LayerOptions {
  /** Number of output channels. */
  filters: number;
  /** Window length in steps. */
  kernelSize: number;
  /** Step between window starts. Must be 1 when `dilationRate > 1`. @defaultValue 1 */
  strides?: number;
  /**
   * 'valid' (no padding), 'same' (TensorFlow's: output length `ceil(L / strides)`, extra cell on the
   * right for even windows) or 'causal' (left padding only: output t sees inputs ≤ t).
   * @defaultValue 'valid'
   */
  padding?: ConvPadding;
  /** Gap between kernel taps (atrous convolution). @defaultValue 1 */
  dilationRate?: number;
  /** Any `@tensorseq/layers-core` activation name (`'relu'`, Keras' `'hard_sigmoid'`…); null means linear. @defaultValue 'linear' */
  activation?: string | null;
  /** @defaultValue true */
  useBias?: boolean;
  /** @defaultValue 'glorotUniform' */
  kernelInitializer?: InitializerIdentifier;
  /** @defaultValue 'zeros' */
  biasInitializer?: InitializerIdentifier;
  /**
   * Run the registered `TensorseqConv1D` kernel (`'auto'`: when the active backend has it; `true`:
   * require it, throwing on a backend without it; `false`: always the reference tfjs-core ops).
   * @defaultValue 'auto'
   */
  useFusedKernel?: 'auto' | boolean;
}

/**
 * 1D convolution over the steps of `[batch, steps, channels]` inputs (Keras' `Conv1D`), with Keras'
 * kernel layout `[kernelSize, channels, filters]` and bias `[filters]`, so Keras weights load as they
 * are: `y[b, t, o] = act(bias[o] + Σ_j Σ_c xpad[b, t·s + j·d, c] · K[j, c, o])`.
 *
 * Fast path: when the active backend has the `TensorseqConv1D` kernel (registered by the
 * `@tensorseq/backend-*` adapters for cpu, wasm and tensorflow), the layer runs it, with its registered
 * gradient, and a relu or linear activation fused in (other activations run after, as tfjs ops). On
 * other backends (webgl, webgpu) it runs the reference tfjs-core ops, which are also the oracle the
 * kernel is tested against. Steps may be variable (`inputShape: [null, channels]`). Masks are not
 * propagated (as in Keras).
 *
 * @example
 * const conv = new Conv1D({ filters: 32, kernelSize: 7, activation: 'relu' });
 * conv.apply(tf.zeros([2, 500, 128])).shape // → [2, 494, 32]
 * conv.countParams() // → 28704 (7·128·32 + 32)
 */
export class Conv1D extends Layer implements EmbeddingConsumer {
  static override readonly className: string = 'Conv1D';

  readonly filters: number;
  readonly kernelSize: number;
  readonly strides: number;
  readonly padding: ConvPadding;
  readonly dilationRate: number;
  readonly activation: ActivationFunction;
  readonly useBias: boolean;
  readonly useFusedKernel: UseFusedKernel;
  private readonly kernelInitializer: Initializer;
  private readonly biasInitializer: Initializer;
  private kernel: LayerWeight | null = null;
  private bias: LayerWeight | null = null;

  constructor(options: Conv1DOptions) {
    super(options);
    const {
      filters,
      kernelSize,
      strides = 1,
      padding = 'valid',
      dilationRate = 1,
      useBias = true,
      kernelInitializer = 'glorotUniform',
      biasInitializer = 'zeros',
    } = options;
    const owner = this.className;
    assertPositiveInteger(owner, 'filters', filters);
    assertPositiveInteger(owner, 'kernelSize', kernelSize);
    assertPositiveInteger(owner, 'strides', strides);
    assertPositiveInteger(owner, 'dilationRate', dilationRate);
    assertOneOf(owner, 'padding', padding, PADDINGS);
    if (strides > 1 && dilationRate > 1) {
      throw new RangeError(
        `${owner}: strides must be 1 when dilationRate > 1 (TensorFlow does not support both). Received: strides=${strides}, dilationRate=${dilationRate}.`,
      );
    }
    this.filters = filters;
    this.kernelSize = kernelSize;
    this.strides = strides;
    this.padding = padding;
    this.dilationRate = dilationRate;
    this.activation = resolveActivation(options.activation, owner);
    this.useBias = useBias;
    this.useFusedKernel = checkUseFusedKernel(owner, options.useFusedKernel ?? 'auto');
    this.kernelInitializer = resolveInitializer(kernelInitializer, owner);
    this.biasInitializer = resolveInitializer(biasInitializer, owner);
  }

  override build(inputShape: Shape): void {
    assertRank3(inputShape, this.className);
    const channels = inputShape[2];
    if (channels === null) {
      throw new RangeError(
        `${this.className}: the channel axis must be known to build the kernel. Received: shape=[${inputShape.map(String).join(', ')}].`,
      );
    }
    this.kernel = this.addWeight('kernel', [this.kernelSize, channels, this.filters], {
      initializer: this.kernelInitializer,
    });
    if (this.useBias)
      this.bias = this.addWeight('bias', [this.filters], { initializer: this.biasInitializer });
    super.build(inputShape);
  }

  computeOutputShape(inputShape: Shape): Shape {
    assertRank3(inputShape, this.className);
    const length = inputShape[1];
    if (length !== null) this.window(length);
    const out = convOutputLength(length, this.kernelSize, this.padding, this.strides, this.dilationRate);
    return [inputShape[0], out, this.filters];
  }

  call(inputs: tf.Tensor): tf.Tensor {
    assertRank3(inputs.shape, this.className);
    const kernel = (this.kernel as LayerWeight).read();
    const channels = kernel.shape[1];
    if (inputs.shape[2] !== channels) {
      throw new RangeError(
        `${this.className}: input channels must be ${channels} (the size the layer was built for). Received: channels=${inputs.shape[2]}.`,
      );
    }
    const w = this.window(inputs.shape[1] as number);
    const bias = this.bias ? this.bias.read() : null;
    const x = inputs as tf.Tensor3D;
    const act = this.activation;
    if (useFusedKernel(this.className, TensorseqConv1D, this.useFusedKernel)) {
      if (isFusedActivation(act.name)) return conv1dKernel(x, kernel, bias, w, act.name);
      return tf.tidy(() => act.apply(conv1dKernel(x, kernel, bias, w)));
    }
    return tf.tidy(() => act.apply(conv1dReference(x, kernel, bias, w)));
  }

  /**
   * This layer on `table[ids]` without gathering the vectors (see {@link EmbeddingConsumer}): when the
   * window is stride-1 'valid' and undilated, the backend has the fused kernels, and the batch has more
   * output steps than twice the vocabulary (IMDB's Embedding(10000) → Conv1D at batch 128 does), the
   * per-tap products of the whole vocabulary are computed once and gathered; otherwise null.
   *
   * @example
   * ```ts
   * conv.applyToEmbedding({ table, ids }, {}); // → [B, T - kernelSize + 1, filters], or null
   * ```
   */
  applyToEmbedding(embedded: EmbeddedIds, _args: CallArgs = {}): tf.Tensor | null {
    const { table, ids } = embedded;
    const kernel = (this.kernel as LayerWeight).read();
    if (
      this.padding !== 'valid' ||
      this.strides !== 1 ||
      this.dilationRate !== 1 ||
      this.useFusedKernel === false ||
      ids.rank !== 2 ||
      table.shape[1] !== kernel.shape[1] ||
      !tf.getKernel(TensorseqTapGather, tf.getBackend())
    )
      return null;
    const outLength = this.window(ids.shape[1] as number).outLength;
    if (!embeddingConv1dPays(table.shape[0], ids.shape[0] as number, outLength)) return null;
    return embeddingConv1d(embedded, kernel, this.bias ? this.bias.read() : null, this.activation);
  }

  override getConfig(): LayerConfig {
    return {
      ...super.getConfig(),
      filters: this.filters,
      kernelSize: this.kernelSize,
      strides: this.strides,
      padding: this.padding,
      dilationRate: this.dilationRate,
      activation: this.activation.name,
      useBias: this.useBias,
      kernelInitializer: serializeInitializer(this.kernelInitializer),
      biasInitializer: serializeInitializer(this.biasInitializer),
      useFusedKernel: this.useFusedKernel,
    };
  }

  /** Rebuilds a layer from {@link Conv1D.getConfig}'s output. */
  static fromConfig(config: LayerConfig): Conv1D {
    return new Conv1D(config as unknown as Conv1DOptions);
  }

  private window(length: number): Window1D {
    return window1d(
      length,
      { size: this.kernelSize, stride: this.strides, padding: this.padding, dilation: this.dilationRate },
      this.className,
    );
  }
}
