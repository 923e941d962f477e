import type * as tf from '@tensorflow/tfjs-core';

/** The `BackendWasm` methods the cache wraps. */
interface WasmDataMethods {
  move(dataId: object, values: unknown, shape: number[], dtype: tf.DataType, refCount: number): void;
  readSync(dataId: object, start?: number, end?: number): unknown;
  disposeData(dataId: object, force?: boolean): boolean;
}

/** What `readSync` of tfjs-backend-wasm returns for each dtype. */
const ARRAY_TYPES: Partial<Record<tf.DataType, new (n: number) => tf.TypedArray>> = {
  float32: Float32Array,
  int32: Int32Array,
  bool: Uint8Array,
};

const installed = new WeakSet<object>();

/**
 * Makes a `BackendWasm` answer `readSync` (so `dataSync`) of a tensor written from JavaScript with the
 * array it was written from, as tfjs-backend-cpu does, instead of copying it back out of the heap.
 * tensorseq's host kernels, Conv1D, pooling and the optimizers write typed arrays and read them back a
 * kernel later; on wasm every such read allocated and filled a fresh array (62 MB per imdb-conv1d
 * step). The heap keeps its copy for tfjs-backend-wasm's own kernels; the array is dropped when the
 * tensor's data is freed. Cost: a written tensor keeps its JS array alive as long as it lives.
 *
 * The contract is tfjs-backend-cpu's: an array handed to `tf.tensor()` or returned by `dataSync()` is
 * not mutated afterwards. Idempotent per backend instance.
 *
 * @example
 * installHostArrayCache(tf.backend());
 * const values = new Float32Array([1, 2]);
 * tf.tensor(values).dataSync() === values; // → true
 */
export function installHostArrayCache(backend: object): void {
  if (installed.has(backend)) return;
  installed.add(backend);
  const wasm = backend as WasmDataMethods;
  const arrays = new WeakMap<object, tf.TypedArray>();
  const move = wasm.move.bind(wasm);
  const readSync = wasm.readSync.bind(wasm);
  const disposeData = wasm.disposeData.bind(wasm);
  wasm.move = (dataId, values, shape, dtype, refCount) => {
    move(dataId, values, shape, dtype, refCount);
    const type = ARRAY_TYPES[dtype];
    if (type && values instanceof type && values.length === sizeOf(shape)) {
      arrays.set(dataId, values as tf.TypedArray);
    }
  };
  wasm.readSync = (dataId, start, end) => {
    const values = arrays.get(dataId);
    if (!values) return readSync(dataId, start, end);
    if (start === undefined && end === undefined) return values;
    return values.subarray(start ?? 0, end ?? values.length);
  };
  wasm.disposeData = (dataId, force) => {
    const freed = disposeData(dataId, force);
    if (freed) arrays.delete(dataId);
    return freed;
  };
}

function sizeOf(shape: number[]): number {
  let size = 1;
  for (const d of shape) size *= d;
  return size;
}
