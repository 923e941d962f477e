/**
 * A stride-1 Conv1D over an already padded batch, as {@link conv1dForward} and {@link conv1dBackward}
 * take it (Keras layouts, row-major float32).
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
  /** Steps per sample, padding included. */
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
  /** The padded inputs [batch, span, channels]. */
  x: Float32Array;
  /** Kernel [size, channels, filters] (Keras layout). */
  kernel: Float32Array;
  /** Bias [filters], or null. */
  bias: Float32Array | null;
}

/**
 * Gradients returned by {@link conv1dBackward}.
 * @example
 * ```ts
 * const { dx, dKernel, dBias } = conv1dBackward(args, dy); // dx is padded like args.x
 * ```
 */
export interface Conv1dGrads {
  /** d/dx [batch, span, channels] (padded, like `x`). */
  dx: Float32Array;
  /** d/dkernel [size, channels, filters]. */
  dKernel: Float32Array;
  /** d/dbias [filters], or null without a bias. */
  dBias: Float32Array | null;
}

/** Options of the conv1d kernels. */
export interface Conv1dOptions {
  /** Force an implementation. @defaultValue the active one, see `kernelsBackend()` */
  backend?: 'wasm' | 'js';
}
