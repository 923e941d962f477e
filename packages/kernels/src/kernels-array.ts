import { loadedWasmKernels, resolveBackend, wasmKernels } from './backend';

/**
 * A float32 array of `length` elements (contents unspecified) for a kernel's inputs and outputs. With
 * the threaded wasm kernels it lives in their shared memory, and every kernel reads it as an input and
 * writes it as an output (`into`, `dxInto`) in place instead of copying it in or out; elsewhere it is an
 * ordinary array. Either way it behaves as a `Float32Array`; growing the shared memory never detaches it.
 *
 * Give it back with {@link releaseKernelsArray} once nothing reads it any more (until then its memory
 * stays reserved; an array that is only dropped stays reserved for good).
 *
 * @param length Elements of the array.
 * @returns The array.
 * @example
 * ```ts
 * import { kernelsArray, maxPool1dForward, releaseKernelsArray } from '@tensorseq/kernels';
 * const y = kernelsArray(2);
 * maxPool1dForward(
 *   { batch: 1, inLength: 4, channels: 1, size: 2, stride: 2, padLeft: 0, outLength: 2, x: Float32Array.of(1, 3, 2, 0) },
 *   { into: y },
 * ); // → y = [3, 2], written in place
 * releaseKernelsArray(y);
 * ```
 */
export function kernelsArray(length: number): Float32Array {
  if (!Number.isInteger(length) || length < 0) {
    throw new RangeError(`kernelsArray: length must be an integer ≥ 0. Received: length=${length}.`);
  }
  if (length > 0 && resolveBackend('kernelsArray', undefined) === 'wasm') {
    const shared = wasmKernels().takeShared(length);
    if (shared !== null) return shared;
  }
  return new Float32Array(length);
}

/**
 * Gives an array from {@link kernelsArray} back for reuse by a later call (a no-op for an ordinary
 * array). The caller promises that nothing uses it, or any view of it, afterwards.
 *
 * @param array The array, no longer used.
 * @example
 * ```ts
 * import { kernelsArray, releaseKernelsArray } from '@tensorseq/kernels';
 * const scratch = kernelsArray(1024);
 * releaseKernelsArray(scratch); // kernelsArray(1024) may hand out the same memory again
 * ```
 */
export function releaseKernelsArray(array: Float32Array): void {
  loadedWasmKernels()?.releaseShared(array);
}
