import * as tf from '@tensorflow/tfjs-core';

/** Backends whose tensors live in host memory and can be read and written synchronously as typed arrays. */
const HOST_MEMORY_BACKENDS = new Set(['cpu', 'wasm', 'tensorflow']);

/**
 * Whether the active backend keeps tensors in host memory, so typed-array kernels (the WebAssembly SIMD
 * code of `@tensorseq/kernels`) can run on them without a device round trip. Layer fast paths check it
 * and fall back to plain tfjs ops elsewhere (webgl, webgpu).
 *
 * @example
 * await useBackend('cpu');
 * isHostMemoryBackend(); // → true
 */
export function isHostMemoryBackend(): boolean {
  return HOST_MEMORY_BACKENDS.has(tf.getBackend());
}
