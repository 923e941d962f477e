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
import { checkUseFusedKernel, type UseFusedKernel, useFusedKernel } from './fused-kernel';
import { pool1dKernel } from './run-kernel';

const POOL_PADDINGS: readonly ('valid' | 'same')[] = ['valid', 'same'];

/** Options of {@link MaxPooling1D} and {@link AveragePooling1D} (Keras' arguments in camelCase). */
export interface Pooling1DOptions extends LayerOptions {
  /** Window length in steps. @defaultValue 2 */
  poolSize?: number;
  /** Step between windows; `null` or absent means `poolSize` (non-overlapping windows). @defaultValue poolSize */
  strides?: number | null;
  /** 'valid' drops a trailing partial window; 'same' keeps `ceil(L / strides)` windows (TensorFlow's). @defaultValue 'valid' */
  padding?: 'valid' | 'same';
  /**
   * Run the registered pooling kernel (`'auto'`: when the active backend has it; `true`: require it,
   * throwing on a backend without it; `false`: always the reference tfjs-core ops). @defaultValue 'auto'
   */
  useFusedKernel?: 'auto' | boolean;
}

/** How a pooling subclass computes: a registered kernel, when the backend has it, else tfjs-core ops. */
export interface Pool1DKernels {
  /** Name of the registered kernel taking `{ x }` and the window attrs (`TensorseqMaxPool1D`…), or null. */
  kernelName: string | null;
  /** The same pooling from tfjs-core ops: the fallback, and the oracle the kernel is tested against. */
  reference(x: tf.Tensor3D, w: Window1D): tf.Tensor3D;
}

/**
 * The shared logic of 1D pooling layers (Keras' `BasePooling` for rank 1): options, output shapes,
 * window geometry and the choice between the registered kernel and the tfjs-op fallback. Subclasses
 * only name their kernels.
 *
 * @example
 * class MinPooling1D extends Pooling1D {
 *   static override readonly className = 'MinPooling1D';
 *   protected readonly kernels = { kernelName: null, reference: minReference };
 * }
 */
export abstract class Pooling1D extends Layer {
  readonly poolSize: number;
  readonly strides: number;
  readonly padding: 'valid' | 'same';
  readonly useFusedKernel: UseFusedKernel;
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
    this.useFusedKernel = checkUseFusedKernel(owner, options.useFusedKernel ?? 'auto');
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
    const kernelName = this.kernelToRun();
    return kernelName === null ? this.kernels.reference(x, w) : pool1dKernel(kernelName, x, w);
  }

  override getConfig(): LayerConfig {
    return {
      ...super.getConfig(),
      poolSize: this.poolSize,
      strides: this.strides,
      padding: this.padding,
      useFusedKernel: this.useFusedKernel,
    };
  }

  /** The registered kernel to run on the active backend, or null for the reference ops. */
  private kernelToRun(): string | null {
    const { kernelName } = this.kernels;
    if (kernelName === null) {
      if (this.useFusedKernel !== true) return null;
      throw new Error(
        `${this.className}: useFusedKernel must be "auto" or false for a pooling without a kernel. Received: useFusedKernel=true.`,
      );
    }
    return useFusedKernel(this.className, kernelName, this.useFusedKernel) ? kernelName : null;
  }

  private window(length: number): Window1D {
    return window1d(
      length,
      { size: this.poolSize, stride: this.strides, padding: this.padding },
      this.className,
    );
  }
}
