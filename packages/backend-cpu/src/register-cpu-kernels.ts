import * as tf from '@tensorflow/tfjs-core';
import { unsortedSegmentSumConfig } from './kernels/unsorted-segment-sum';

/** The kernels this adapter adds to (or replaces in) tfjs-backend-cpu. */
export const cpuKernelConfigs: readonly tf.KernelConfig[] = [unsortedSegmentSumConfig];

/**
 * Registers this adapter's cpu kernels, plus any `extra` ones (e.g. fused kernels from a layer package),
 * replacing kernels already registered under the same name. Idempotent. Returns the kernel names.
 *
 * @example
 * registerCpuKernels(); // → ['UnsortedSegmentSum']
 */
export function registerCpuKernels(extra: readonly tf.KernelConfig[] = []): string[] {
  const configs = [...cpuKernelConfigs, ...extra];
  for (const config of configs) {
    if (config.backendName !== 'cpu') {
      throw new RangeError(
        `registerCpuKernels: backendName must be "cpu". Received: backendName="${config.backendName}" for kernel ${config.kernelName}.`,
      );
    }
    const existing = tf.getKernel(config.kernelName, 'cpu');
    if (existing?.kernelFunc === config.kernelFunc) continue;
    if (existing) tf.unregisterKernel(config.kernelName, 'cpu');
    tf.registerKernel(config);
  }
  return configs.map((c) => c.kernelName);
}
