import * as tf from '@tensorflow/tfjs-core';
import type { HostBackend } from './host-backend';

/** The typed arrays a host backend stores numeric tensors in (float32, int32, bool). */
export type NumericArray = Float32Array | Int32Array | Uint8Array;

/** A tensor's values when they are a numeric typed array (not strings, not complex64), else null. */
export function readNumeric(host: HostBackend, x: tf.TensorInfo): NumericArray | null {
  if (x.dtype === 'complex64') return null;
  const values = host.readSync(x.dataId);
  const numeric =
    values instanceof Float32Array || values instanceof Int32Array || values instanceof Uint8Array;
  return numeric ? values : null;
}

/** A new zero-filled array of `values`' type and `length` elements. */
export function sameTypeArray(values: NumericArray, length: number): NumericArray {
  return new (values.constructor as new (n: number) => NumericArray)(length);
}

/** Row-major strides of `shape`, the last dimension's (1) included. */
export function rowMajorStrides(shape: number[]): number[] {
  return shape.length === 0 ? [] : [...tf.util.computeStrides(shape), 1];
}
