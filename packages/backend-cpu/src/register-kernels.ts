import * as tf from '@tensorflow/tfjs-core';
import { kernelsArray, releaseKernelsArray, setSlotArrayAllocator } from '@tensorseq/kernels';
import { conv1dGradConfig } from './gradients/conv1d-grad';
import { pool1dGradConfigs } from './gradients/pool1d-grad';
import { rnnSequenceGradConfigs } from './gradients/rnn-sequence-grad';
import { tapGatherGradConfig } from './gradients/tap-gather-grad';

/**
 * Registers kernel configs, replacing kernels already registered under the same name and backend, and
 * points `slotArray` at the kernels' shared memory (the weight-update kernel then updates optimizer
 * slots in place). Idempotent. Returns the kernel names.
 *
 * @example
 * registerKernels(hostKernelConfigs('wasm')); // → ['UnsortedSegmentSum', …]
 */
export function registerKernels(configs: readonly tf.KernelConfig[]): string[] {
  registerTensorseqGradients();
  setSlotArrayAllocator({ take: kernelsArray, release: releaseKernelsArray });
  for (const config of configs) {
    const existing = tf.getKernel(config.kernelName, config.backendName);
    if (existing?.kernelFunc === config.kernelFunc) continue;
    if (existing) tf.unregisterKernel(config.kernelName, config.backendName);
    tf.registerKernel(config);
  }
  return configs.map((c) => c.kernelName);
}

/**
 * Registers the gradients of tensorseq's fused kernels (once, for every backend, as tfjs does with
 * `registerGradient`). The adapters' `register*Kernels()` call it.
 *
 * @example
 * registerTensorseqGradients();
 * tf.getGradient('TensorseqConv1D') !== undefined; // → true
 */
export function registerTensorseqGradients(): void {
  for (const config of [
    ...rnnSequenceGradConfigs,
    conv1dGradConfig,
    ...pool1dGradConfigs,
    tapGatherGradConfig,
  ]) {
    if (!tf.getGradient(config.kernelName)) tf.registerGradient(config);
  }
}
