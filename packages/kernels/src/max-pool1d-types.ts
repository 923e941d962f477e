/**
 * A 1D max pooling over `[batch, inLength, channels]` (row-major float32), as {@link maxPool1dForward}
 * and {@link maxPool1dBackward} take it. Window `t` covers input steps
 * `[t·stride - padLeft, t·stride - padLeft + size)`, clipped to the real steps.
 * @example
 * ```ts
 * const args: MaxPool1dArgs = {
 *   batch: 1, inLength: 4, channels: 1, size: 2, stride: 2, padLeft: 0, outLength: 2,
 *   x: Float32Array.of(1, 3, 2, 0),
 * };
 * ```
 */
export interface MaxPool1dArgs {
  /** B, the samples. */
  batch: number;
  /** Steps per sample. */
  inLength: number;
  /** C, the channels. */
  channels: number;
  /** Steps per window. */
  size: number;
  /** Step between window starts. */
  stride: number;
  /** Ignored steps before the first input step (they never win). */
  padLeft: number;
  /** Output steps. */
  outLength: number;
  /** The inputs [batch, inLength, channels]. */
  x: Float32Array;
}

/**
 * Options of the max pooling kernels.
 * @example
 * ```ts
 * const options: MaxPool1dOptions = { backend: 'js' };
 * ```
 */
export interface MaxPool1dOptions {
  /** Force an implementation. @defaultValue the active one, see `kernelsBackend()` */
  backend?: 'wasm' | 'js';
  /**
   * Where to write the returned array (the outputs, or dx for the backward; of its length): a caller
   * that recycles arrays saves a fresh one per call. @defaultValue a new array
   */
  into?: Float32Array;
}
