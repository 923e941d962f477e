/**
 * `out[ids[i], :] += x[i, :]` in one pass over the rows: O(rows · inner + numSegments · inner).
 * tfjs-backend-cpu's own implementation loops over every segment for every row (quadratic), which
 * makes an Embedding(10000, 32) gradient take minutes. Ids outside `[0, numSegments)` are dropped, as
 * in TensorFlow.
 */
export function unsortedSegmentSumImpl(
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
