import * as tf from '@tensorflow/tfjs-core';

/** Backends whose tensors can be read and written synchronously as Float32Arrays without a device copy. */
const SYNC_BACKENDS = new Set(['cpu', 'wasm']);

/**
 * Whether the typed-array kernels (`conv1dTaps`, `conv1dIm2col`, the typed pooling) run on the active
 * backend: it does on backends with synchronous host memory (cpu, wasm); elsewhere (webgl, webgpu) the
 * layers use plain tfjs ops.
 *
 * @example
 * await tf.setBackend('cpu');
 * isTypedPathEligible() // → true
 */
export function isTypedPathEligible(): boolean {
  return SYNC_BACKENDS.has(tf.getBackend());
}
