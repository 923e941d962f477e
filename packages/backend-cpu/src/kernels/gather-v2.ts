import type * as tf from '@tensorflow/tfjs-core';
import { gatherRows } from '@tensorseq/kernels';
import type { HostBackend } from './host-backend';
import { lendOutput, takeOutput } from './recycled-outputs';

/**
 * `GatherV2` whose common case, the Embedding lookup (axis 0, no batch dims, float32 table), copies
 * whole rows: several times faster than tfjs-backend-cpu's, which computes an index per element. Its
 * output array is reused once the tensor is disposed, if nothing else can hold it (never read with
 * `dataSync`/`data`, never viewed by another tensor): fresh memory costs more than the copy.
 * Other cases go to `fallback`, the kernel it replaces. Out-of-range ids go to the fallback too, so its
 * error is the one users see.
 *
 * @param backendName The tfjs backend the config is for.
 * @param fallback The replaced kernel's function.
 * @example
 * tf.registerKernel(gatherV2ConfigFor('cpu', tf.getKernel('GatherV2', 'cpu')?.kernelFunc));
 */
export function gatherV2ConfigFor(backendName: string, fallback: tf.KernelFunc): tf.KernelConfig {
  const kernelFunc: tf.KernelFunc = (params) => {
    const { inputs, attrs, backend } = params;
    const { x, indices } = inputs as { x: tf.TensorInfo; indices: tf.TensorInfo };
    const { axis, batchDims } = attrs as unknown as { axis: number; batchDims: number };
    if (x.dtype !== 'float32' || (axis !== 0 && axis !== -x.shape.length) || (batchDims ?? 0) !== 0) {
      return fallback(params);
    }
    const host = backend as unknown as HostBackend;
    const table = host.readSync(x.dataId) as Float32Array;
    const ids = host.readSync(indices.dataId) as ArrayLike<number>;
    const rows = x.shape[0];
    const width = rows === 0 ? 0 : table.length / rows;
    for (let i = 0; i < ids.length; i++) {
      if (!(ids[i] >= 0 && ids[i] < rows)) return fallback(params);
    }
    // A disposed lookup's array when provably unshared: first touch of fresh memory costs more than the copy.
    const out = takeOutput(host, ids.length * width);
    // Row copies in WebAssembly SIMD (`@tensorseq/kernels`' gatherRows), ~3× faster than a JS loop.
    if (ids.length > 0 && width > 0) {
      gatherRows(table, ids instanceof Int32Array ? ids : Int32Array.from(ids), width, out);
    }
    return lendOutput(host, out, [...indices.shape, ...x.shape.slice(1)]);
  };
  return { kernelName: 'GatherV2', backendName, kernelFunc };
}
