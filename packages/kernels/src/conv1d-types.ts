/**
 * A stride-1 Conv1D over a batch (padded by the caller, or by the kernel through `padLeft`/`padRight`),
 * as {@link conv1dForward} and {@link conv1dBackward} take it (Keras layouts, row-major float32).
 * @example
 * ```ts
 * const args: Conv1dArgs = {
 *   batch: 1, span: 3, channels: 1, filters: 1, size: 2, dilation: 1, outLength: 2,
 *   x: Float32Array.of(1, 2, 3), kernel: Float32Array.of(1, 1), bias: null,
 * };
 * ```
 */
export interface Conv1dArgs {
  /** B, the samples. */
  batch: number;
  /** Steps per sample, padding included (`padLeft + x's steps + padRight`). */
  span: number;
  /** C, the input channels. */
  channels: number;
  /** The output channels. */
  filters: number;
  /** Taps of the kernel. */
  size: number;
  /** Distance between taps. */
  dilation: number;
  /** Output steps per sample: at most `span - (size - 1) * dilation`. */
  outLength: number;
  /** The inputs [batch, span - padLeft - padRight, channels] (already padded when no pads are given). */
  x: Float32Array;
  /** Kernel [size, channels, filters] (Keras layout). */
  kernel: Float32Array;
  /** Bias [filters], or null. */
  bias: Float32Array | null;
  /**
   * Zero steps the kernel adds before every sample of `x` (no padded copy of `x` is made).
   * @defaultValue 0
   */
  padLeft?: number;
  /** Zero steps the kernel adds after every sample of `x`. @defaultValue 0 */
  padRight?: number;
  /**
   * Applied to the outputs; under `'relu'` the backward passes dy where the forward's output is
   * positive (it then needs that output, see {@link Conv1dBackwardOptions.y}).
   * @defaultValue 'linear'
   */
  activation?: 'linear' | 'relu';
}

/**
 * Gradients returned by {@link conv1dBackward}.
 * @example
 * ```ts
 * const { dx, dKernel, dBias } = conv1dBackward(args, dy); // dx is shaped like args.x
 * ```
 */
export interface Conv1dGrads {
  /** d/dx, shaped like `x` (padded only if `x` is). */
  dx: Float32Array;
  /** d/dkernel [size, channels, filters]. */
  dKernel: Float32Array;
  /** d/dbias [filters], or null without a bias. */
  dBias: Float32Array | null;
}

/**
 * Options of {@link conv1dForward}.
 * @example
 * ```ts
 * const options: Conv1dOptions = { into: reused }; // reused.length === batch * outLength * filters
 * ```
 */
export interface Conv1dOptions {
  /** Force an implementation. @defaultValue the active one, see `kernelsBackend()` */
  backend?: 'wasm' | 'js';
  /**
   * Where to write the outputs (batch*outLength*filters floats): the call then returns this array, so a
   * caller that recycles arrays saves a fresh one per call. @defaultValue a new array
   */
  into?: Float32Array;
}

/**
 * Options of the conv1d backward kernels.
 * @example
 * ```ts
 * const options: Conv1dBackwardOptions = { y: conv1dForward(args) }; // args.activation === 'relu'
 * ```
 */
export interface Conv1dBackwardOptions {
  /** Force an implementation. @defaultValue the active one, see `kernelsBackend()` */
  backend?: 'wasm' | 'js';
  /** The forward's outputs [batch, outLength, filters]: required under `activation: 'relu'`. */
  y?: Float32Array;
  /**
   * Where to write dx (`x`'s length) when the call returns it: the result's dx is then this array.
   * @defaultValue a new array
   */
  dxInto?: Float32Array;
}

/**
 * The weight gradients returned by {@link conv1dBackwardWeights}.
 * @example
 * ```ts
 * const { dKernel, dBias } = conv1dBackwardWeights(args, dy);
 * ```
 */
export type Conv1dWeightGrads = Omit<Conv1dGrads, 'dx'>;

/** Which gradients a backward call computes (internal: the public functions fix it). */
export interface Conv1dWanted {
  dx: boolean;
  weights: boolean;
}

/** The gradients a backward call computed (null where not wanted, or dBias without a bias). */
export interface Conv1dPartialGrads {
  dx: Float32Array | null;
  dKernel: Float32Array | null;
  dBias: Float32Array | null;
}
