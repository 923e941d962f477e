import * as tf from '@tensorflow/tfjs-core';

/** How a layer picks between a registered kernel and its reference ops (like `RNN`'s option). */
export type UseFusedKernel = 'auto' | boolean;

/**
 * Throws unless `value` is `'auto'`, `true` or `false`.
 *
 * @example
 * checkUseFusedKernel('Conv1D', 'yes') // throws 'Conv1D: useFusedKernel must be "auto", true or false. Received: useFusedKernel=yes.'
 */
export function checkUseFusedKernel(owner: string, value: unknown): UseFusedKernel {
  if (value !== 'auto' && typeof value !== 'boolean') {
    throw new RangeError(
      `${owner}: useFusedKernel must be "auto", true or false. Received: useFusedKernel=${String(value)}.`,
    );
  }
  return value;
}

/**
 * Whether a layer runs the registered kernel `kernelName` on the active backend: yes when the backend has
 * it (an `@tensorseq/backend-*` adapter registered it) and `mode` is not `false`. Otherwise the layer runs
 * its reference ops, unless `mode` is `true`, which then is an error that says why.
 *
 * @throws Error when `mode` is true and the active backend lacks the kernel.
 * @example
 * await useBackend('cpu');
 * useFusedKernel('Conv1D', 'TensorseqConv1D', 'auto') // → true
 */
export function useFusedKernel(owner: string, kernelName: string, mode: UseFusedKernel): boolean {
  if (mode === false) return false;
  const backend = tf.getBackend();
  if (tf.getKernel(kernelName, backend)) return true;
  if (mode === 'auto') return false;
  throw new Error(
    `${owner}: useFusedKernel must be "auto" or false when the fused kernel is not available. Received: useFusedKernel=true (the "${backend}" backend has no ${kernelName} kernel registered; select it with useBackend() from a @tensorseq/backend-* adapter, which registers it).`,
  );
}
