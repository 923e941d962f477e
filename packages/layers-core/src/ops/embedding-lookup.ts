import * as tf from '@tensorflow/tfjs-core';
import '../register-gradients';

/**
 * Scatter-add of `dy` rows into a dense `[inputDim, outputDim]` gradient: `out[ids[i]] += dy[i]`.
 * One pass over the rows, so it costs O(rows · dim + inputDim · dim), unlike tfjs-backend-cpu's
 * UnsortedSegmentSum which loops over every segment for every row.
 */
export function scatterAddRows(
  dy: ArrayLike<number>,
  ids: ArrayLike<number>,
  inputDim: number,
  outputDim: number,
): Float32Array {
  const out = new Float32Array(inputDim * outputDim);
  for (let i = 0; i < ids.length; i++) {
    const dst = ids[i] * outputDim;
    const src = i * outputDim;
    for (let j = 0; j < outputDim; j++) out[dst + j] += dy[src + j];
  }
  return out;
}

/**
 * `table[ids]` (output shape `[...ids.shape, outputDim]`) whose gradient with respect to `table` is a
 * linear-time scatter-add over typed arrays (see {@link scatterAddRows}). `ids` must be int32 and in range.
 *
 * @example
 * embeddingLookup(tf.tensor2d([[0, 0], [1, 2]]), tf.tensor1d([1, 1, 0], 'int32')) // → [[1, 2], [1, 2], [0, 0]]
 */
export function embeddingLookup(table: tf.Tensor, ids: tf.Tensor): tf.Tensor {
  const [inputDim, outputDim] = table.shape;
  // Read now: the caller may dispose `ids` (e.g. a cast copy) before the backward pass runs.
  const idValues = ids.dataSync();
  const lookup = tf.customGrad((t: tf.Tensor | tf.GradSaveFunc) => {
    const value = tf.reshape(tf.gather(t as tf.Tensor, tf.reshape(ids, [-1])), [...ids.shape, outputDim]);
    const gradFunc = (dy: tf.Tensor) =>
      tf.tensor(scatterAddRows(dy.dataSync(), idValues, inputDim, outputDim), [inputDim, outputDim]);
    return { value, gradFunc };
  });
  return lookup(table);
}
