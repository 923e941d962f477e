import * as tf from '@tensorflow/tfjs-core';
import { type Conv1DKernelAttrs, type Pool1DKernelAttrs, TensorseqConv1D } from '@tensorseq/kernels';
import type { Window1D } from './conv-utils';
import type { FusedActivation } from './fused-activation';

/** The contract's window attrs of a {@link Window1D} (the input length comes from the tensor). */
function windowAttrs(w: Window1D): Pool1DKernelAttrs & tf.NamedAttrMap {
  const { size, stride, dilation, padLeft, padRight, outLength } = w;
  return { size, stride, dilation, padLeft, padRight, outLength };
}

/**
 * Runs the registered `TensorseqConv1D` kernel (its gradient is registered with it): the fast path of
 * {@link Conv1D} on backends whose adapter has it.
 *
 * @param x - `[batch, inLength, channels]` float32.
 * @param kernel - `[size, channels, filters]` (Keras layout).
 * @param bias - `[filters]`, or null.
 * @param w - the window geometry from `window1d`.
 * @param activation - applied inside the kernel. @defaultValue 'linear'
 * @returns `[batch, outLength, filters]`.
 * @example
 * conv1dKernel(tf.ones([1, 3, 1]), tf.ones([2, 1, 1]), null, window1d(3, { size: 2 })) // → [[[2], [2]]]
 */
export function conv1dKernel(
  x: tf.Tensor3D,
  kernel: tf.Tensor,
  bias: tf.Tensor | null,
  w: Window1D,
  activation: FusedActivation = 'linear',
): tf.Tensor3D {
  const inputs: tf.NamedTensorMap = bias ? { x, kernel, bias } : { x, kernel };
  const attrs: Conv1DKernelAttrs & tf.NamedAttrMap = { ...windowAttrs(w), activation };
  return tf.engine().runKernel(TensorseqConv1D, inputs, attrs) as tf.Tensor3D;
}

/**
 * Runs a registered pooling kernel (`TensorseqMaxPool1D`, `TensorseqAvgPool1D`, or any taking `{ x }` and
 * the window attrs), whose gradient is registered with it.
 *
 * @example
 * pool1dKernel(TensorseqMaxPool1D, tf.tensor3d([1, 3, 2, 0], [1, 4, 1]), window1d(4, { size: 2, stride: 2 })) // → [[[3], [2]]]
 */
export function pool1dKernel(kernelName: string, x: tf.Tensor3D, w: Window1D): tf.Tensor3D {
  return tf.engine().runKernel(kernelName, { x }, windowAttrs(w)) as tf.Tensor3D;
}
