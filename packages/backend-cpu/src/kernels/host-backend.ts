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
