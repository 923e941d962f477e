import * as tf from '@tensorflow/tfjs-core';

/** A tensor as the conformance fixtures store it: flat, row-major `data` plus its `shape`. */
export interface FixtureTensor {
  shape: number[];
  data: number[];
}

/**
 * Turns a fixture tensor into a `tf.Tensor` (float32 unless `dtype` says otherwise).
 *
 * @example
 * toTensor({ shape: [2, 2], data: [1, 2, 3, 4] }) // → Tensor [[1, 2], [3, 4]]
 */
export function toTensor(fixture: FixtureTensor, dtype: 'float32' | 'int32' = 'float32'): tf.Tensor {
  return tf.tensor(fixture.data, fixture.shape, dtype);
}
