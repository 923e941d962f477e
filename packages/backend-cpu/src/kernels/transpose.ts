import * as tf from '@tensorflow/tfjs-core';
import type { HostBackend } from './host-backend';
import { type NumericArray, readNumeric, rowMajorStrides, sameTypeArray } from './numeric-values';

/**
 * `out[o] = x[source(o)]` for the output of `perm`, walking the output in order while an odometer keeps
 * the source offset (one add per element, instead of the index arithmetic and two arrays per element of
 * tfjs-backend-cpu's transpose, which made the 28 K-element kernel transposes of imdb-conv1d cost 3 ms).
 */
function transposeInto(x: NumericArray, shape: number[], perm: number[], out: NumericArray): void {
  const rank = shape.length;
  const inStrides = rowMajorStrides(shape);
  const outShape = perm.map((p) => shape[p]);
  const step = perm.map((p) => inStrides[p]);
  const inner = outShape[rank - 1];
  const innerStep = step[rank - 1];
  const index = new Array<number>(rank).fill(0);
  let source = 0;
  for (let o = 0; o < out.length; o += inner) {
    for (let i = 0, s = source; i < inner; i++, s += innerStep) out[o + i] = x[s];
    for (let d = rank - 2; d >= 0; d--) {
      source += step[d];
      if (++index[d] < outShape[d]) break;
      source -= step[d] * outShape[d];
      index[d] = 0;
    }
  }
}

/**
 * `Transpose` for numeric tensors of any rank, several times faster than tfjs-backend-cpu's on the
 * kernel layouts and activations that models transpose every step. Strings, complex64 and scalars go to
 * `fallback`, the kernel it replaces.
 *
 * @param backendName The tfjs backend the config is for.
 * @param fallback The replaced kernel's function.
 * @example
 * tf.registerKernel(transposeConfigFor('cpu', tf.getKernel('Transpose', 'cpu')?.kernelFunc));
 */
export function transposeConfigFor(backendName: string, fallback: tf.KernelFunc): tf.KernelConfig {
  const kernelFunc: tf.KernelFunc = (params) => {
    const { inputs, attrs, backend } = params;
    const { x } = inputs as { x: tf.TensorInfo };
    const { perm } = attrs as unknown as { perm: number[] };
    const host = backend as unknown as HostBackend;
    const values = x.shape.length === 0 ? null : readNumeric(host, x);
    if (values === null || perm.length !== x.shape.length) return fallback(params);
    const shape = perm.map((p) => x.shape[p]);
    const out = sameTypeArray(values, values.length);
    if (values.length > 0) transposeInto(values, x.shape, perm, out);
    return { dataId: host.write(out, shape, x.dtype), shape, dtype: x.dtype };
  };
  return { kernelName: tf.Transpose, backendName, kernelFunc };
}
