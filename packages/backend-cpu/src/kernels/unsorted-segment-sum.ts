import * as tf from '@tensorflow/tfjs-core';
import { unsortedSegmentSumImpl } from './unsorted-segment-sum-impl';

interface CpuBackendLike {
  readSync(dataId: object): unknown;
  makeTensorInfo(shape: number[], dtype: tf.DataType, values?: tf.TypedArray): tf.TensorInfo;
}

/**
 * The linear-time `UnsortedSegmentSum` for the cpu backend (glue; the math is in
 * {@link unsortedSegmentSumImpl}).
 *
 * @example
 * registerCpuKernels([unsortedSegmentSumConfig]);
 */
export const unsortedSegmentSumConfig: tf.KernelConfig = {
  kernelName: 'UnsortedSegmentSum',
  backendName: 'cpu',
  kernelFunc: ({ inputs, backend, attrs }) => {
    const { x, segmentIds } = inputs as { x: tf.TensorInfo; segmentIds: tf.TensorInfo };
    const { numSegments } = attrs as unknown as { numSegments: number };
    const cpu = backend as unknown as CpuBackendLike;
    const ids = cpu.readSync(segmentIds.dataId) as ArrayLike<number>;
    const values = cpu.readSync(x.dataId) as ArrayLike<number>;
    const outer = tf.util.sizeFromShape(segmentIds.shape);
    const inner = outer === 0 ? 0 : tf.util.sizeFromShape(x.shape) / outer;
    const outShape = [numSegments, ...x.shape.slice(segmentIds.shape.length)];
    return cpu.makeTensorInfo(outShape, 'float32', unsortedSegmentSumImpl(values, ids, numSegments, inner));
  },
};
