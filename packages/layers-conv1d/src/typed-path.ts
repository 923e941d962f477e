import * as tf from '@tensorflow/tfjs-core';
import { TensorseqSimpleRnnSequence } from '@tensorseq/kernels';

/**
 * Whether the typed-array kernels (`conv1dTaps`, `conv1dIm2col`, the typed pooling) run on the active
 * backend: they do where a tensorseq host-memory adapter (`@tensorseq/backend-cpu`, `-wasm`, `-node-gpu`
 * on `tensorflow`) is active, which the registry shows by the shared host kernels it registered;
 * elsewhere (webgl, webgpu, or a backend selected without an adapter) the layers use plain tfjs ops.
 * Conv1D and pooling do not have kernels of their own in the contract yet (see the README).
 *
 * @example
 * await useBackend('cpu');
 * isTypedPathEligible() // → true
 */
export function isTypedPathEligible(): boolean {
  return tf.getKernel(TensorseqSimpleRnnSequence, tf.getBackend()) !== undefined;
}
