import type * as tf from '@tensorflow/tfjs-core';
import {
  conv2dBackpropFilterConfigFor,
  conv2dBackpropInputConfigFor,
  hostKernelConfigs,
  maxPoolGradConfigFor,
  registerKernels,
} from '@tensorseq/backend-cpu';

let configs: readonly tf.KernelConfig[] | null = null;

/**
 * The kernels this adapter adds to tfjs-backend-wasm: the ones it lacks for training the chapter's
 * models (`UnsortedSegmentSum`, the Embedding gradient; `Conv2DBackpropFilter`/`Conv2DBackpropInput`, the
 * gradients of `tf.conv1d`, which Conv1D's reference path uses; a correct `MaxPoolGrad`, replacing tfjs-wasm's) and tensorseq's fused recurrent sequences with
 * their backward passes: the same WebAssembly-SIMD implementations the cpu adapter registers.
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
  return configs;
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
