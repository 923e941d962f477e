import * as tf from '@tensorflow/tfjs-core';
import type { HostBackend } from './host-backend';
import { type NumericArray, readNumeric, rowMajorStrides, sameTypeArray } from './numeric-values';

/**
 * Copies the box `begin`/`size` of `x` (of `shape`) into `out` as runs of contiguous elements: the
 * innermost dims the box spans whole, times its extent in the next one, per position of the outer dims
 * (an odometer keeps the source offset).
 */
function copyBox(x: NumericArray, shape: number[], begin: number[], size: number[], out: NumericArray): void {
  const rank = shape.length;
  const strides = rowMajorStrides(shape);
  let partial = rank - 1;
  while (partial > 0 && size[partial] === shape[partial]) partial--;
  const run = size[partial] * strides[partial];
  let source = 0;
  for (let d = 0; d < rank; d++) source += begin[d] * strides[d];
  const index = new Array<number>(partial).fill(0);
  for (let o = 0; o < out.length; o += run) {
    if (run >= 16) out.set(x.subarray(source, source + run), o);
    else for (let i = 0; i < run; i++) out[o + i] = x[source + i];
    for (let d = partial - 1; d >= 0; d--) {
      source += strides[d];
      if (++index[d] < size[d]) break;
      source -= strides[d] * size[d];
      index[d] = 0;
    }
  }
}

/** The slice of a numeric tensor whose box is not one contiguous range, or null for the stock kernel. */
function sliceBox(
  host: HostBackend,
  x: tf.TensorInfo,
  begin: number[],
  size: number[],
): tf.TensorInfo | null {
  const values = readNumeric(host, x);
  if (values === null || tf.slice_util.isSliceContinous(x.shape, begin, size)) return null;
  const out = sameTypeArray(values, tf.util.sizeFromShape(size));
  if (out.length > 0) copyBox(values, x.shape, begin, size, out);
  return { dataId: host.write(out, size, x.dtype), shape: size, dtype: x.dtype };
}

/**
 * `Slice` and `SplitV` for numeric tensors whose slices are not contiguous (a column block of a matrix,
 * the gradient of a `Concat` along the last axis): row copies instead of tfjs-backend-cpu's per-element
 * index arithmetic, which took 6 ms to split a [128, 64] gradient in two. Contiguous slices (views),
 * strings and complex64 go to the `fallback` kernels.
 *
 * @param backendName The tfjs backend the configs are for.
 * @param fallback The replaced `Slice` and `SplitV` kernel functions.
 * @example
 * sliceConfigsFor('cpu', { slice, splitV }).map((c) => c.kernelName); // → ['Slice', 'SplitV']
 */
export function sliceConfigsFor(
  backendName: string,
  fallback: { slice: tf.KernelFunc; splitV: tf.KernelFunc },
): tf.KernelConfig[] {
  const slice: tf.KernelFunc = (params) => {
    const { inputs, attrs, backend } = params;
    const { x } = inputs as { x: tf.TensorInfo };
    const { begin, size } = attrs as unknown as { begin: number | number[]; size: number | number[] };
    const [$begin, $size] = tf.slice_util.parseSliceParams(x as tf.Tensor, begin, size);
    tf.slice_util.assertParamsValid(x as tf.Tensor, $begin, $size);
    return sliceBox(backend as unknown as HostBackend, x, $begin, $size) ?? fallback.slice(params);
  };
  const splitV: tf.KernelFunc = (params) => {
    const { inputs, attrs, backend } = params;
    const { x } = inputs as { x: tf.TensorInfo };
    const { numOrSizeSplits, axis } = attrs as unknown as {
      numOrSizeSplits: number | number[];
      axis: number;
    };
    const $axis = tf.util.parseAxisParam(axis, x.shape)[0];
    const sizes = tf.backend_util.prepareSplitSize(x as tf.Tensor, numOrSizeSplits, $axis);
    const begin = new Array<number>(x.shape.length).fill(0);
    return sizes.map((s) => {
      const size = [...x.shape];
      size[$axis] = s;
      const part = slice({ inputs: { x }, backend, attrs: { begin: [...begin], size } }) as tf.TensorInfo;
      begin[$axis] += s;
      return part;
    });
  };
  return [
    { kernelName: tf.Slice, backendName, kernelFunc: slice },
    { kernelName: tf.SplitV, backendName, kernelFunc: splitV },
  ];
}
