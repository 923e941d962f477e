import * as tf from '@tensorflow/tfjs-core';
import {
  type TapGatherKernelAttrs,
  type TapScatterKernelAttrs,
  TensorseqTapGather,
  TensorseqTapScatter,
} from '@tensorseq/kernels';

/**
 * The gradient of `TensorseqTapGather`: `TensorseqTapScatter` of dL/dy (masked by the saved output under
 * relu) gives the table's gradient, and its `'bias'` part the bias'; the ids get none (zeros, as tfjs'
 * Gather gives its indices).
 *
 * @example
 * tapGatherGradConfig.kernelName; // → 'TensorseqTapGather'
 */
export const tapGatherGradConfig: tf.GradConfig = {
  kernelName: TensorseqTapGather,
  inputsToSave: ['table', 'ids'],
  outputsToSave: [true],
  gradFunc: (dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[], attrs: tf.NamedAttrMap) => {
    const [table, ids, y] = saved;
    const a = attrs as unknown as TapGatherKernelAttrs;
    const grad = (part: TapScatterKernelAttrs['part']) => {
      const scatterAttrs: TapScatterKernelAttrs = { ...a, vocab: table.shape[0], part };
      const inputs = { dy: Array.isArray(dy) ? dy[0] : dy, ids, y };
      return tf
        .engine()
        .runKernel(TensorseqTapScatter, inputs, scatterAttrs as unknown as tf.NamedAttrMap) as tf.Tensor;
    };
    return { table: () => grad('table'), bias: () => grad('bias'), ids: () => tf.zerosLike(ids) };
  },
};
