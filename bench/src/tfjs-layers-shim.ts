/**
 * Makes stock tfjs-layers trainable at a fair speed on the cpu backend: tfjs-backend-cpu's
 * `UnsortedSegmentSum` (the gradient of `gather`, hence of every Embedding) loops over every segment id
 * for every row, which is quadratic. The linear-time kernel that @tensorseq/backend-cpu ships replaces it,
 * so the benchmarks compare against tfjs-layers' engine instead of that one kernel.
 */

import * as tf from '@tensorflow/tfjs-core';
import { unsortedSegmentSumConfig } from '@tensorseq/backend-cpu';

/**
 * Replaces the cpu backend's `UnsortedSegmentSum` kernel by a linear-time one (idempotent).
 *
 * @example
 * shimUnsortedSegmentSum(); // tf.layers.embedding gradients now cost O(rows · dim)
 */
export function shimUnsortedSegmentSum(): void {
  const config = tf.getKernel('UnsortedSegmentSum', 'cpu');
  if (config?.kernelFunc === unsortedSegmentSumConfig.kernelFunc) return;
  if (config) tf.unregisterKernel('UnsortedSegmentSum', 'cpu');
  tf.registerKernel(unsortedSegmentSumConfig);
}
