import * as tf from '@tensorflow/tfjs-core';
import { type HostBackend, readFloat32 } from './host-backend';
import { lendOutput, takeOutput } from './recycled-outputs';

/** Below this many elements (256 KB) a fresh array costs little and the stock kernel is as good. */
const MIN_RECYCLED_SIZE = 1 << 16;

/**
 * `Add` of two float32 tensors of one shape into a recycled output array (one whose tensor was disposed
 * and that nothing else can hold). The gradient tape sums a tensor's gradients with it: imdb-bilstm's
 * two LSTMs each send 8 MB back to the embedding every step, and a fresh 8 MB array costs ~20 ms of
 * page faults where the sum itself takes 2. Broadcasts, other dtypes and small tensors go to `fallback`,
 * the kernel it replaces.
 *
 * @param backendName The tfjs backend the config is for.
 * @param fallback The replaced kernel's function.
 * @example
 * tf.registerKernel(addConfigFor('cpu', tf.getKernel('Add', 'cpu')?.kernelFunc));
 */
export function addConfigFor(backendName: string, fallback: tf.KernelFunc): tf.KernelConfig {
  const kernelFunc: tf.KernelFunc = (params) => {
    const { inputs, backend } = params;
    const { a, b } = inputs as { a: tf.TensorInfo; b: tf.TensorInfo };
    const size = tf.util.sizeFromShape(a.shape);
    if (
      a.dtype !== 'float32' ||
      b.dtype !== 'float32' ||
      size < MIN_RECYCLED_SIZE ||
      !tf.util.arraysEqual(a.shape, b.shape)
    )
      return fallback(params);
    const host = backend as unknown as HostBackend;
    const x = readFloat32(host, a);
    const y = readFloat32(host, b);
    const out = takeOutput(host, size);
    for (let i = 0; i < size; i++) out[i] = x[i] + y[i];
    return lendOutput(host, out, [...a.shape]);
  };
  return { kernelName: tf.Add, backendName, kernelFunc };
}
