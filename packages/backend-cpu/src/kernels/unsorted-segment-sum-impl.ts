import { scatterAddRows } from '@tensorseq/kernels';

/**
 * `out[ids[i], :] += x[i, :]` in one pass over the rows: O(rows · inner + numSegments · inner)
 * (`@tensorseq/kernels`' `scatterAddRows`, WebAssembly SIMD). tfjs-backend-cpu's own implementation
 * loops over every segment for every row (quadratic), which makes an Embedding(10000, 32) gradient take
 * minutes. Ids outside `[0, numSegments)` are dropped, as in TensorFlow. Each output element sums its
 * rows in row order.
 *
 * @example
 * unsortedSegmentSumImpl([1, 2, 3, 4, 5, 6, 7, 8], [2, 0, 2, -1], 3, 2); // → Float32Array [3, 4, 0, 0, 6, 8]
 */
export function unsortedSegmentSumImpl(
  x: ArrayLike<number>,
  segmentIds: ArrayLike<number>,
  numSegments: number,
  inner: number,
): Float32Array {
  const out = new Float32Array(numSegments * inner);
  if (inner === 0 || segmentIds.length === 0) return out;
  const rows = x instanceof Float32Array ? x : Float32Array.from(x);
  // tfjs hands int32 ids; a plain array's fractions truncate toward 0, and NaN or ±Infinity is dropped.
  const ids =
    segmentIds instanceof Int32Array
      ? segmentIds
      : Int32Array.from(segmentIds, (v) => (Number.isFinite(v) && Math.abs(v) < 2 ** 31 ? v : -1));
  scatterAddRows(rows.subarray(0, ids.length * inner), ids, numSegments, inner, out);
  return out;
}
