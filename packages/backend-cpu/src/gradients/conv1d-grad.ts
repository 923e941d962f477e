import * as tf from '@tensorflow/tfjs-core';
import { TensorseqConv1D, TensorseqConv1DGrad } from '@tensorseq/kernels';

/**
 * The gradient of `TensorseqConv1D`, declared once for every backend: it runs the backend's
 * `TensorseqConv1DGrad` on the saved x, kernel and output (the output feeds the relu derivative), once
 * for all inputs. dBias is dropped by the engine when the forward had no bias.
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
    const [dx, dKernel, dBias] = tf.engine().runKernel(TensorseqConv1DGrad, inputs, attrs) as tf.Tensor[];
    return { x: () => dx, kernel: () => dKernel, bias: () => dBias };
  },
};
