import { isHostMemoryBackend } from '@tensorseq/layers-core';

/**
 * Whether the typed-array kernels (`conv1dTaps`, `conv1dIm2col`, the typed pooling) run on the active
 * backend: it does on backends with synchronous host memory (cpu, wasm, tensorflow); elsewhere (webgl, webgpu) the
 * layers use plain tfjs ops.
 *
 * @example
 * await tf.setBackend('cpu');
 * isTypedPathEligible() // → true
 */
export function isTypedPathEligible(): boolean {
  return isHostMemoryBackend();
}
