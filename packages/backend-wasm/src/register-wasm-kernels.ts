import * as tf from '@tensorflow/tfjs-core';
import {
  conv2dBackpropFilterConfigFor,
  conv2dBackpropInputConfigFor,
  gatherV2ConfigFor,
  hostKernelConfigs,
  maxPoolGradConfigFor,
  registerKernels,
} from '@tensorseq/backend-cpu';
import { identityConfigFor } from './identity-config';

let configs: readonly tf.KernelConfig[] | null = null;
let replacements: tf.KernelConfig[] | null = null;

/**
 * Kernels that replace tfjs-backend-wasm's own, each keeping it as the fallback for the cases it does
 * not cover: the row-copy `GatherV2` (the Embedding lookup; tfjs-backend-wasm's computes an index per
 * element: 109 vs 41 ms CPU for imdb-lstm's [128, 500] lookup) and an `Identity` that shares data
 * instead of copying it. Built once tfjs-backend-wasm's kernels are registered.
 */
function replacementConfigs(): tf.KernelConfig[] {
  if (replacements === null) {
    const gather = tf.getKernel('GatherV2', 'wasm');
    const identity = tf.getKernel('Identity', 'wasm');
    if (!gather || !identity) return [];
    replacements = [gatherV2ConfigFor('wasm', gather.kernelFunc), identityConfigFor(identity.kernelFunc)];
  }
  return replacements;
}

/**
 * The kernels this adapter adds to tfjs-backend-wasm: the ones it lacks for training the chapter's
 * models (`UnsortedSegmentSum`, the Embedding gradient; `Conv2DBackpropFilter`/`Conv2DBackpropInput`, the
 * gradients of `tf.conv1d`, which Conv1D's reference path uses; a correct `MaxPoolGrad`, replacing tfjs-wasm's) and tensorseq's fused recurrent sequences with
 * their backward passes: the same WebAssembly-SIMD implementations the cpu adapter registers; and, once
 * tfjs-backend-wasm is loaded, a row-copy `GatherV2` and a data-sharing `Identity` replacing its own.
 *
 * @example
 * wasmKernelConfigs().map((c) => c.kernelName); // → ['UnsortedSegmentSum', 'TensorseqSimpleRnnSequence', …]
 */
export function wasmKernelConfigs(): readonly tf.KernelConfig[] {
  configs ??= [
    ...hostKernelConfigs('wasm'),
    conv2dBackpropFilterConfigFor('wasm'),
    conv2dBackpropInputConfigFor('wasm'),
    maxPoolGradConfigFor('wasm'),
  ];
  return [...configs, ...replacementConfigs()];
}

/**
 * Registers {@link wasmKernelConfigs} and tensorseq's gradients. Idempotent. Returns the kernel names.
 *
 * @example
 * registerWasmKernels(); // → ['UnsortedSegmentSum', 'TensorseqSimpleRnnSequence', …]
 */
export function registerWasmKernels(): string[] {
  return registerKernels(wasmKernelConfigs());
}
