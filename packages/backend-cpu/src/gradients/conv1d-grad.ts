import * as tf from '@tensorflow/tfjs-core';
import { TensorseqConv1D, TensorseqConv1DGrad, TensorseqConv1DInputGrad } from '@tensorseq/kernels';

/**
 * The gradient of `TensorseqConv1D`, declared once for every backend: it runs the backend's
 * `TensorseqConv1DGrad` (dKernel, dBias) on the saved x, kernel and output (the output feeds the relu
 * derivative), and `TensorseqConv1DInputGrad` only when the tape asks for dx: tfjs calls just the
 * closures of inputs that lead to a trainable variable, so a first layer never computes its dx. dBias is
 * dropped by the engine when the forward had no bias.
 *
 * @example
 * tf.registerGradient(conv1dGradConfig);
 */
export const conv1dGradConfig: tf.GradConfig = {
  kernelName: TensorseqConv1D,
  inputsToSave: ['x', 'kernel'],
  outputsToSave: [true],
  gradFunc: (dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[], attrs: tf.NamedAttrMap) => {
    const [x, kernel, y] = saved;
    const inputs: tf.NamedTensorMap = { dy: Array.isArray(dy) ? dy[0] : dy, x, kernel, y };
    const [dKernel, dBias] = tf.engine().runKernel(TensorseqConv1DGrad, inputs, attrs) as tf.Tensor[];
    return {
      x: () => tf.engine().runKernel(TensorseqConv1DInputGrad, inputs, attrs) as tf.Tensor,
      kernel: () => dKernel,
      bias: () => dBias,
    };
  },
};
