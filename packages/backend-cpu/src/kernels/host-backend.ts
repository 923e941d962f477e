import type * as tf from '@tensorflow/tfjs-core';

/**
 * The part of a tfjs backend that typed-array kernels use: synchronous reads and writes of host memory.
 * tfjs-backend-cpu, tfjs-backend-wasm and tfjs-node's `tensorflow` backend all provide it.
 */
export interface HostBackend {
  readSync(dataId: object): unknown;
  write(values: tf.TypedArray, shape: number[], dtype: tf.DataType): object;
}

/** A tensor's values as float32 (the backend's own array when it already is one: never write to it). */
export function readFloat32(backend: HostBackend, info: tf.TensorInfo): Float32Array {
  const data = backend.readSync(info.dataId) as ArrayLike<number>;
  return data instanceof Float32Array ? data : Float32Array.from(data);
}

/** A new float32 tensor of `shape` holding `values` (which the backend may keep: pass a fresh array). */
export function writeFloat32(backend: HostBackend, values: Float32Array, shape: number[]): tf.TensorInfo {
  return { dataId: backend.write(values, shape, 'float32'), shape, dtype: 'float32' };
}

/**
 * A tensor's values for reading right now, without a copy where the backend allows it (tfjs-backend-wasm's
 * `typedArrayFromHeap` view into its heap; other backends' `readSync`). The view is only valid until the
 * backend next allocates: consume it before writing outputs, and never keep it.
 */
export function readTransient(backend: HostBackend, info: tf.TensorInfo): ArrayLike<number> {
  const heap = backend as HostBackend & { typedArrayFromHeap?: (t: tf.TensorInfo) => tf.TypedArray };
  if (typeof heap.typedArrayFromHeap === 'function') return heap.typedArrayFromHeap(info);
  return backend.readSync(info.dataId) as ArrayLike<number>;
}

/** {@link readTransient} as float32 (a copy only when the tensor is not float32). */
export function readFloat32Transient(backend: HostBackend, info: tf.TensorInfo): Float32Array {
  const data = readTransient(backend, info);
  return data instanceof Float32Array ? data : Float32Array.from(data);
}
