import * as tf from '@tensorflow/tfjs-core';
import { registerGradients } from '../register-gradients';

/**
 * `table[ids]` (output shape `[...ids.shape, outputDim]`): the backend's `GatherV2` forward, and a
 * gradient that is ONE `UnsortedSegmentSum` of `dy`'s rows into `[inputDim, outputDim]`. (tfjs' own
 * GatherV2 gradient wraps the same kernel in two transposes.) The backend adapters register a
 * linear-time `UnsortedSegmentSum` (tfjs-backend-cpu's is quadratic; tfjs-backend-wasm has none).
 * `ids` must be int32 and in range.
 *
 * @example
 * embeddingLookup(tf.tensor2d([[0, 0], [1, 2]]), tf.tensor1d([1, 1, 0], 'int32')) // → [[1, 2], [1, 2], [0, 0]]
 */
export function embeddingLookup(table: tf.Tensor, ids: tf.Tensor): tf.Tensor {
  registerGradients();
  const [inputDim, outputDim] = table.shape;
  const shape = [...ids.shape, outputDim];
  const lookup = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [t, flatIds, save] = args as [tf.Tensor, tf.Tensor, tf.GradSaveFunc];
    // Saved by the tape (only while recording): the caller may dispose `ids` before the backward pass.
    save([flatIds]);
    const value = tf.reshape(tf.gather(t, flatIds), shape);
    const gradFunc = (dy: tf.Tensor, saved: tf.Tensor[]) => [
      tf.unsortedSegmentSum(tf.reshape(dy, [-1, outputDim]), saved[0] as tf.Tensor1D, inputDim),
      tf.zerosLike(saved[0]),
    ];
    return { value, gradFunc };
  });
  return tf.tidy(() => lookup(table, tf.reshape(ids, [-1])));
}
