import * as tf from '@tensorflow/tfjs-core';
import { registerGradients } from '../register-gradients';

/**
 * Scatter-add of `dy` rows into a dense `[inputDim, outputDim]` gradient: `out[ids[i]] += dy[i]`.
 * One pass over the rows, so it costs O(rows · dim + inputDim · dim), unlike tfjs-backend-cpu's
 * UnsortedSegmentSum which loops over every segment for every row.
 *
 * @example
 * scatterAddRows([1, 2, 3, 4], [1, 1], 2, 2) // → Float32Array [0, 0, 4, 6]
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
  registerGradients();
  const [inputDim, outputDim] = table.shape;
  // Read now: the caller may dispose `ids` (e.g. a cast copy) before the backward pass runs.
  const idValues = ids.dataSync();
  const lookup = tf.customGrad((t: tf.Tensor | tf.GradSaveFunc) => {
    const value = gatherRows(t as tf.Tensor, ids, idValues, outputDim);
    const gradFunc = (dy: tf.Tensor) =>
      tf.tensor(scatterAddRows(dy.dataSync(), idValues, inputDim, outputDim), [inputDim, outputDim]);
    return { value, gradFunc };
  });
  return lookup(table);
}

/**
 * The forward gather. On the cpu backend reading the table is free, and a row copy is several times
 * faster than tfjs-backend-cpu's general GatherV2 (which computes an index per element); elsewhere the
 * backend's gather runs where the table lives.
 */
function gatherRows(
  table: tf.Tensor,
  ids: tf.Tensor,
  idValues: ArrayLike<number>,
  outputDim: number,
): tf.Tensor {
  const shape = [...ids.shape, outputDim];
  if (tf.getBackend() !== 'cpu') return tf.reshape(tf.gather(table, tf.reshape(ids, [-1])), shape);
  const src = table.dataSync() as Float32Array;
  const out = new Float32Array(idValues.length * outputDim);
  for (let i = 0; i < idValues.length; i++) {
    const from = idValues[i] * outputDim;
    out.set(src.subarray(from, from + outputDim), i * outputDim);
  }
  return tf.tensor(out, shape, 'float32');
}
