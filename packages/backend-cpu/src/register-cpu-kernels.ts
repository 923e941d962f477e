import * as tf from '@tensorflow/tfjs-core';
import { hostKernelConfigs } from './host-kernel-configs';
import { addConfigFor } from './kernels/add';
import { batchMatMulConfigFor } from './kernels/batch-mat-mul';
import { gatherV2ConfigFor } from './kernels/gather-v2';
import { sliceConfigsFor } from './kernels/slice';
import { transposeConfigFor } from './kernels/transpose';
import { registerKernels } from './register-kernels';

let replacements: tf.KernelConfig[] | null = null;

/**
 * The kernels this adapter adds to (or replaces in) tfjs-backend-cpu: the shared host kernels (fused
 * recurrent sequences, linear-time `UnsortedSegmentSum`) plus sgemm `BatchMatMul`, a row-copy
 * `GatherV2`, an odometer `Transpose`, a recycling `Add` and row-copy `Slice` / `SplitV`, which fall back
 * to tfjs-backend-cpu's own for the cases they do not cover (those are included once tfjs-backend-cpu is
 * loaded).
 *
 * @example
 * cpuKernelConfigs().map((c) => c.kernelName); // → ['UnsortedSegmentSum', 'TensorseqSimpleRnnSequence', …]
 */
export function cpuKernelConfigs(): tf.KernelConfig[] {
  if (replacements === null) {
    const matMul = tf.getKernel('BatchMatMul', 'cpu');
    const gather = tf.getKernel('GatherV2', 'cpu');
    const transpose = tf.getKernel(tf.Transpose, 'cpu');
    const add = tf.getKernel(tf.Add, 'cpu');
    const slice = tf.getKernel(tf.Slice, 'cpu');
    const splitV = tf.getKernel(tf.SplitV, 'cpu');
    if (matMul && gather && transpose && add && slice && splitV) {
      replacements = [
        batchMatMulConfigFor('cpu', matMul.kernelFunc),
        gatherV2ConfigFor('cpu', gather.kernelFunc),
        transposeConfigFor('cpu', transpose.kernelFunc),
        addConfigFor('cpu', add.kernelFunc),
        ...sliceConfigsFor('cpu', { slice: slice.kernelFunc, splitV: splitV.kernelFunc }),
      ];
    }
  }
  return [...hostKernelConfigs('cpu'), ...(replacements ?? [])];
}

/**
 * Registers this adapter's cpu kernels and tensorseq's gradients, plus any `extra` ones, replacing
 * kernels already registered under the same name. Idempotent. Returns the kernel names.
 *
 * @example
 * registerCpuKernels(); // → ['UnsortedSegmentSum', 'TensorseqSimpleRnnSequence', …]
 */
export function registerCpuKernels(extra: readonly tf.KernelConfig[] = []): string[] {
  for (const config of extra) {
    if (config.backendName !== 'cpu') {
      throw new RangeError(
        `registerCpuKernels: backendName must be "cpu". Received: backendName="${config.backendName}" for kernel ${config.kernelName}.`,
      );
    }
  }
  return registerKernels([...cpuKernelConfigs(), ...extra]);
}
