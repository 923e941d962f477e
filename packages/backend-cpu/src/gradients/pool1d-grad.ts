import * as tf from '@tensorflow/tfjs-core';
import { POOL1D_KERNELS, type Pool1DMode } from '@tensorseq/kernels';

/**
 * The gradients of `TensorseqMaxPool1D` and `TensorseqAvgPool1D`: the backend's backward kernel, given
 * dL/dy and the saved input.
 *
 * @example
 * pool1dGradConfigs.map((g) => g.kernelName); // → ['TensorseqMaxPool1D', 'TensorseqAvgPool1D']
 */
export const pool1dGradConfigs: readonly tf.GradConfig[] = (['max', 'avg'] as const).map(
  (mode: Pool1DMode): tf.GradConfig => ({
    kernelName: POOL1D_KERNELS[mode].forward,
    inputsToSave: ['x'],
    gradFunc: (dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[], attrs: tf.NamedAttrMap) => {
      const inputs: tf.NamedTensorMap = { dy: Array.isArray(dy) ? dy[0] : dy, x: saved[0] };
      return { x: () => tf.engine().runKernel(POOL1D_KERNELS[mode].backward, inputs, attrs) as tf.Tensor };
    },
  }),
);
