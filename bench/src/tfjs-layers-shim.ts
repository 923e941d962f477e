/**
 * Makes stock tfjs-layers trainable at a fair speed on the cpu backend: tfjs-backend-cpu's
 * `UnsortedSegmentSum` (the gradient of `gather`, hence of every Embedding) loops over every segment id
 * for every row, which is quadratic; this re-registers it with a linear-time scatter-add so the
 * benchmarks can compare against tfjs-layers' engine instead of that one kernel.
 */
import * as tf from '@tensorflow/tfjs-core';

interface CpuLikeBackend {
  readSync(dataId: object): ArrayLike<number> | Uint8Array[];
  makeTensorInfo(shape: number[], dtype: tf.DataType, values?: tf.TypedArray): tf.TensorInfo;
}

/** Linear-time `UnsortedSegmentSum`: out[ids[i], ...] += x[i, ...]; out-of-range ids are dropped, like TF. */
export function unsortedSegmentSumLinear(
  x: ArrayLike<number>,
  segmentIds: ArrayLike<number>,
  numSegments: number,
  inner: number,
): Float32Array {
  const out = new Float32Array(numSegments * inner);
  for (let i = 0; i < segmentIds.length; i++) {
    const id = segmentIds[i];
    if (id < 0 || id >= numSegments) continue;
    const src = i * inner;
    const dst = id * inner;
    for (let j = 0; j < inner; j++) out[dst + j] += x[src + j];
  }
  return out;
}

const kernelFunc: tf.KernelFunc = ({ inputs, backend, attrs }) => {
  const { x, segmentIds } = inputs as { x: tf.TensorInfo; segmentIds: tf.TensorInfo };
  const { numSegments } = attrs as unknown as { numSegments: number };
  const cpu = backend as unknown as CpuLikeBackend;
  const ids = cpu.readSync(segmentIds.dataId) as ArrayLike<number>;
  const values = cpu.readSync(x.dataId) as ArrayLike<number>;
  const outer = tf.util.sizeFromShape(segmentIds.shape);
  const inner = outer === 0 ? 0 : tf.util.sizeFromShape(x.shape) / outer;
  const outShape = [numSegments, ...x.shape.slice(segmentIds.shape.length)];
  const out = unsortedSegmentSumLinear(values, ids, numSegments, inner);
  return cpu.makeTensorInfo(outShape, 'float32', out);
};

/**
 * Replaces the cpu backend's `UnsortedSegmentSum` kernel by a linear-time one (idempotent).
 *
 * @example
 * shimUnsortedSegmentSum(); // tf.layers.embedding gradients now cost O(rows · dim)
 */
export function shimUnsortedSegmentSum(): void {
  const config = tf.getKernel('UnsortedSegmentSum', 'cpu');
  if (config?.kernelFunc === kernelFunc) return;
  if (config) tf.unregisterKernel('UnsortedSegmentSum', 'cpu');
  tf.registerKernel({ kernelName: 'UnsortedSegmentSum', backendName: 'cpu', kernelFunc });
}
