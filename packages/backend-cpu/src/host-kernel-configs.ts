import type * as tf from '@tensorflow/tfjs-core';
import { conv1dKernelConfigs } from './kernels/conv1d';
import { pool1dKernelConfigs } from './kernels/pool1d';
import { rnnSequenceKernelConfigs } from './kernels/rnn-sequence';
import { rnnSequenceGradKernelConfigs } from './kernels/rnn-sequence-grad';
import { tapGatherKernelConfigs } from './kernels/tap-gather';
import { unsortedSegmentSumConfigFor } from './kernels/unsorted-segment-sum';
import { weightUpdateKernelConfig } from './kernels/weight-update';

const cache = new Map<string, readonly tf.KernelConfig[]>();

/**
 * The kernels every host-memory backend (cpu, wasm, tensorflow) shares: the fused recurrent sequences
 * and their backward passes (`@tensorseq/kernels`' WebAssembly SIMD), Conv1D and 1D max/average pooling
 * with their backward passes, the tap gather that runs a Conv1D on embedding ids (and its scatter), the
 * linear-time `UnsortedSegmentSum`, and the optimizers' weight update into recycled arrays. Built once
 * per backend name, so registering again is a no-op.
 *
 * @param backendName The tfjs backend to build the configs for.
 * @example
 * hostKernelConfigs('wasm').map((c) => c.kernelName);
 * // → ['UnsortedSegmentSum', 'TensorseqSimpleRnnSequence', …, 'TensorseqConv1D', …, 'TensorseqWeightUpdate']
 */
export function hostKernelConfigs(backendName: string): readonly tf.KernelConfig[] {
  let configs = cache.get(backendName);
  if (!configs) {
    configs = [
      unsortedSegmentSumConfigFor(backendName),
      ...rnnSequenceKernelConfigs(backendName),
      ...rnnSequenceGradKernelConfigs(backendName),
      ...conv1dKernelConfigs(backendName),
      ...pool1dKernelConfigs(backendName),
      ...tapGatherKernelConfigs(backendName),
      weightUpdateKernelConfig(backendName),
    ];
    cache.set(backendName, configs);
  }
  return configs;
}
