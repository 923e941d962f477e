import * as tf from '@tensorflow/tfjs-core';
import {
  conv2dBackpropFilterConfigFor,
  conv2dBackpropInputConfigFor,
  gatherV2ConfigFor,
  hostKernelConfigs,
  maxPoolGradConfigFor,
  registerKernels,
} from '@tensorseq/backend-cpu';

let configs: readonly tf.KernelConfig[] | null = null;
let gather: tf.KernelConfig | null = null;

/**
 * The row-copy `GatherV2` (the Embedding lookup) over tfjs-backend-wasm's own, which computes an index
 * per element (109 vs 41 ms CPU for imdb-lstm's [128, 500] lookup); built once tfjs-backend-wasm's
 * kernels are registered, keeping its kernel as the fallback for the other cases.
 */
function gatherConfig(): tf.KernelConfig[] {
  if (gather === null) {
    const original = tf.getKernel('GatherV2', 'wasm');
    if (!original) return [];
    gather = gatherV2ConfigFor('wasm', original.kernelFunc);
  }
  return [gather];
}

/**
 * The kernels this adapter adds to tfjs-backend-wasm: the ones it lacks for training the chapter's
 * models (`UnsortedSegmentSum`, the Embedding gradient; `Conv2DBackpropFilter`/`Conv2DBackpropInput`, the
 * gradients of `tf.conv1d`, which Conv1D's reference path uses; a correct `MaxPoolGrad`, replacing tfjs-wasm's) and tensorseq's fused recurrent sequences with
 * their backward passes: the same WebAssembly-SIMD implementations the cpu adapter registers; and, once
 * tfjs-backend-wasm is loaded, a row-copy `GatherV2` replacing its per-element one.
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
  return [...configs, ...gatherConfig()];
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
