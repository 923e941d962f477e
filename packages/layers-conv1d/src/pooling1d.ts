import type * as tf from '@tensorflow/tfjs-core';
import {
  assertOneOf,
  assertPositiveInteger,
  Layer,
  type LayerConfig,
  type LayerOptions,
  type Shape,
} from '@tensorseq/layers-core';
import { assertRank3 } from './assert';
import { convOutputLength, type Window1D, window1d } from './conv-utils';
import { isTypedPathEligible } from './typed-path';

const POOL_PADDINGS: readonly ('valid' | 'same')[] = ['valid', 'same'];

/** Options of {@link MaxPooling1D} and {@link AveragePooling1D} (Keras' arguments in camelCase). */
export interface Pooling1DOptions extends LayerOptions {
  /** Window length in steps. @defaultValue 2 */
  poolSize?: number;
  /** Step between windows; `null` or absent means `poolSize` (non-overlapping windows). @defaultValue poolSize */
  strides?: number | null;
  /** 'valid' drops a trailing partial window; 'same' keeps `ceil(L / strides)` windows (TensorFlow's). @defaultValue 'valid' */
  padding?: 'valid' | 'same';
}

/** The two pooling kernels a subclass provides: typed arrays (cpu, wasm) and tfjs-core ops (elsewhere). */
export interface Pool1DKernels {
  typed(x: tf.Tensor3D, w: Window1D): tf.Tensor3D;
  reference(x: tf.Tensor3D, w: Window1D): tf.Tensor3D;
}

/**
 * The shared logic of 1D pooling layers (Keras' `BasePooling` for rank 1): options, output shapes,
 * window geometry and the choice between the typed-array kernel and the tfjs-op fallback. Subclasses
 * only name their kernels.
 *
 * @example
 * class MinPooling1D extends Pooling1D {
 *   static override readonly className = 'MinPooling1D';
 *   protected readonly kernels = { typed: minTyped, reference: minReference };
 * }
 */
export abstract class Pooling1D extends Layer {
  readonly poolSize: number;
  readonly strides: number;
  readonly padding: 'valid' | 'same';
  protected abstract readonly kernels: Pool1DKernels;

  constructor(options: Pooling1DOptions = {}) {
    super(options);
    const { poolSize = 2, strides = null, padding = 'valid' } = options;
    const owner = this.className;
    assertPositiveInteger(owner, 'poolSize', poolSize);
    if (strides !== null) assertPositiveInteger(owner, 'strides', strides);
    assertOneOf(owner, 'padding', padding, POOL_PADDINGS);
    this.poolSize = poolSize;
    this.strides = strides ?? poolSize;
    this.padding = padding;
  }

  computeOutputShape(inputShape: Shape): Shape {
    assertRank3(inputShape, this.className);
    const length = inputShape[1];
    if (length !== null) this.window(length);
    return [
      inputShape[0],
      convOutputLength(length, this.poolSize, this.padding, this.strides),
      inputShape[2],
    ];
  }

  call(inputs: tf.Tensor): tf.Tensor {
    assertRank3(inputs.shape, this.className);
    const w = this.window(inputs.shape[1] as number);
    const x = inputs as tf.Tensor3D;
    return isTypedPathEligible() ? this.kernels.typed(x, w) : this.kernels.reference(x, w);
  }

  override getConfig(): LayerConfig {
    return { ...super.getConfig(), poolSize: this.poolSize, strides: this.strides, padding: this.padding };
  }

  private window(length: number): Window1D {
    return window1d(
      length,
      { size: this.poolSize, stride: this.strides, padding: this.padding },
      this.className,
    );
  }
}
