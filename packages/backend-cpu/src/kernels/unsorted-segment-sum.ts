import * as tf from '@tensorflow/tfjs-core';
import { type HostBackend, readTransient, writeFloat32 } from './host-backend';
import { unsortedSegmentSumImpl } from './unsorted-segment-sum-impl';

/**
 * The linear-time `UnsortedSegmentSum` (the Embedding gradient) for a host-memory backend (glue; the
 * math is in {@link unsortedSegmentSumImpl}). tfjs-backend-cpu's own is quadratic and
 * tfjs-backend-wasm 4.22 has none.
 *
 * @param backendName The tfjs backend the config is for.
 * @example
 * tf.registerKernel(unsortedSegmentSumConfigFor('wasm'));
 */
export function unsortedSegmentSumConfigFor(backendName: string): tf.KernelConfig {
  return {
    kernelName: 'UnsortedSegmentSum',
    backendName,
    kernelFunc: ({ inputs, backend, attrs }) => {
      const { x, segmentIds } = inputs as { x: tf.TensorInfo; segmentIds: tf.TensorInfo };
      const { numSegments } = attrs as unknown as { numSegments: number };
      const host = backend as unknown as HostBackend;
      const ids = readTransient(host, segmentIds);
      const values = readTransient(host, x);
      const outer = tf.util.sizeFromShape(segmentIds.shape);
      const inner = outer === 0 ? 0 : tf.util.sizeFromShape(x.shape) / outer;
      const outShape = [numSegments, ...x.shape.slice(segmentIds.shape.length)];
      return writeFloat32(host, unsortedSegmentSumImpl(values, ids, numSegments, inner), outShape);
    },
  };
}

/**
 * The linear-time `UnsortedSegmentSum` for the cpu backend.
 *
 * @example
 * registerCpuKernels([unsortedSegmentSumConfig]);
 */
export const unsortedSegmentSumConfig: tf.KernelConfig = unsortedSegmentSumConfigFor('cpu');
