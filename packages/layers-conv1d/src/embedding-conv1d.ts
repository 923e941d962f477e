import * as tf from '@tensorflow/tfjs-core';
import { type TapGatherKernelAttrs, TensorseqTapGather } from '@tensorseq/kernels';
import type { ActivationFunction, EmbeddedIds } from '@tensorseq/layers-core';
import { isFusedActivation } from './fused-activation';

/**
 * Whether a stride-1 'valid' Conv1D on `table[ids]` costs less run as {@link embeddingConv1d}: that path
 * multiplies the whole vocabulary by the kernel (V·D·K·F multiply-adds) where the direct one multiplies
 * every window (B·L·D·K·F), so it pays off when the batch has more output steps than the vocabulary has
 * rows, with a 2× margin for the gather and the scatter.
 *
 * @example
 * embeddingConv1dPays(10000, 128, 494); // → true (IMDB: 63,232 output steps, 10,000 words)
 */
export function embeddingConv1dPays(vocab: number, batch: number, outLength: number): boolean {
  return 2 * vocab <= batch * outLength;
}

/**
 * A stride-1 'valid' Conv1D of embedded ids without gathering the vectors: the per-tap products of the
 * whole table, `taps[v, j·F + f] = (table @ kernel[j])[v, f]`, one matMul, then
 * `y[b, t] = act(Σ_j taps[ids[b, t + j], j] + bias)` (the `TensorseqTapGather` kernel; relu inside it). Its
 * gradient (tfjs' matMul and transpose gradients, and `TensorseqTapScatter`) reaches the table, the
 * kernel and the bias. The same function as the Conv1D of `table[ids]`, summed in another order: float32
 * rounding differs.
 *
 * @param embedded The table [V, D] and the ids [B, T] (int32, in range).
 * @param kernel [K, D, F] (Keras layout). @param bias [F] or null.
 * @returns [B, T - K + 1, F].
 * @example
 * embeddingConv1d({ table, ids }, kernel, bias, relu) // same as conv1d(gather(table, ids), kernel) + bias, relu
 */
export function embeddingConv1d(
  embedded: EmbeddedIds,
  kernel: tf.Tensor,
  bias: tf.Tensor | null,
  activation: ActivationFunction,
): tf.Tensor3D {
  const { table, ids } = embedded;
  const [size, channels, filters] = kernel.shape;
  const fused = isFusedActivation(activation.name) ? activation.name : 'linear';
  const attrs: TapGatherKernelAttrs & tf.NamedAttrMap = {
    size,
    outLength: (ids.shape[1] as number) - size + 1,
    activation: fused,
  };
  return tf.tidy(() => {
    const sideBySide = tf.reshape(tf.transpose(kernel, [1, 0, 2]), [channels, size * filters]);
    const taps = tf.matMul(table as tf.Tensor2D, sideBySide);
    const inputs: tf.NamedTensorMap = bias ? { table: taps, ids, bias } : { table: taps, ids };
    const y = tf.engine().runKernel(TensorseqTapGather, inputs, attrs) as tf.Tensor3D;
    return fused === activation.name ? y : (activation.apply(y) as tf.Tensor3D);
  });
}
