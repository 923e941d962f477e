import * as tf from '@tensorflow/tfjs-core';
import { initKernels } from '@tensorseq/kernels';
import { registerCpuKernels } from './register-cpu-kernels';

/** Backends this adapter can select (`'auto'` means the best it has: cpu). */
export type CpuBackendName = 'cpu' | 'auto';

/** Options of {@link useBackend}. */
export interface UseBackendOptions {
  /** Replace tfjs-backend-cpu's quadratic kernels with this adapter's. @defaultValue true */
  registerKernels?: boolean;
  /**
   * Silence tfjs-backend-cpu's one-time "install tfjs-node" banner: on our kernels it is not the advice
   * that speeds things up. @defaultValue true
   */
  quiet?: boolean;
}

/**
 * Loads `@tensorflow/tfjs-backend-cpu`, registers the training kernels it lacks or has slow, makes it the
 * active backend and returns its name.
 *
 * @example
 * await useBackend('cpu'); // → 'cpu'
 */
export async function useBackend(
  name: CpuBackendName = 'cpu',
  options: UseBackendOptions = {},
): Promise<string> {
  if (name !== 'cpu' && name !== 'auto') {
    throw new RangeError(
      `useBackend: name must be "cpu" or "auto" in @tensorseq/backend-cpu. Received: name="${String(name)}". To fix this, install the adapter for that backend (@tensorseq/backend-wasm, @tensorseq/backend-node-gpu).`,
    );
  }
  await import('@tensorflow/tfjs-backend-cpu');
  if (options.registerKernels ?? true) {
    registerCpuKernels();
    // The kernels compile without blocking and start their threads (Web Workers on a cross-origin
    // isolated page): browsers refuse to compile them synchronously on the main thread.
    await initKernels();
  }
  const ok = await tf.setBackend('cpu');
  if (!ok)
    throw new Error(
      'useBackend: the cpu backend must initialize. Received: tf.setBackend("cpu") returned false.',
    );
  await tf.ready();
  if (options.quiet ?? true) silenceNodeBanner(tf.backend());
  return tf.getBackend();
}

/** tfjs-backend-cpu prints its banner on the first tensor it stores while `firstUse` is set. */
function silenceNodeBanner(backend: tf.KernelBackend): void {
  const flagged = backend as tf.KernelBackend & { firstUse?: boolean };
  if (flagged.firstUse === true) flagged.firstUse = false;
}
