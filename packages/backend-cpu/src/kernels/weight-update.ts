import type * as tf from '@tensorflow/tfjs-core';
import { rmspropUpdate, TensorseqWeightUpdate, type WeightUpdateKernelAttrs } from '@tensorseq/kernels';
import { type HostBackend, readFloat32 } from './host-backend';
import { lendOutput, takeOutput } from './recycled-outputs';

/**
 * `TensorseqWeightUpdate` for a host-memory backend: the optimizer's `update` writes the new weight into
 * a recycled array, so imdb-conv1d's 1.28 M-weight Embedding no longer takes 5 MB of fresh memory (about
 * 8 ms of page faults) every step.
 *
 * @param backendName The tfjs backend the config is for.
 * @example
 * weightUpdateKernelConfig('cpu').kernelName; // → 'TensorseqWeightUpdate'
 */
export function weightUpdateKernelConfig(backendName: string): tf.KernelConfig {
  return {
    kernelName: TensorseqWeightUpdate,
    backendName,
    kernelFunc: ({ inputs, attrs, backend }) => {
      const host = backend as unknown as HostBackend;
      const { param, grad } = inputs as { param: tf.TensorInfo; grad: tf.TensorInfo };
      const { update, rule } = attrs as unknown as WeightUpdateKernelAttrs;
      const p = readFloat32(host, param);
      const g = readFloat32(host, grad);
      const out = takeOutput(host, p.length);
      // RMSprop runs in WebAssembly on the kernel threads (the same bits as the optimizer's loop).
      if (rule?.name === 'rmsprop') rmspropUpdate({ ...rule, p, g, out });
      else update(p, g, out);
      return lendOutput(host, out, [...param.shape]);
    },
  };
}
