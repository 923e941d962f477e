import { SeedStream } from '@tensorseq/layers-core';

/**
 * A seeded random permutation of `0 … n-1` (Fisher–Yates): the book's `np.random.shuffle(indices)`,
 * reproducible from one seed.
 *
 * @param n - how many indices.
 * @param seed - any finite number; the same seed gives the same permutation.
 * @returns an Int32Array holding each of `0 … n-1` once.
 * @throws RangeError when `n` is not a non-negative integer.
 * @example
 * seededPermutation(5, 42); // → Int32Array [ 3, 0, 4, 1, 2 ] (some order of 0…4, always the same for seed 42)
 */
export function seededPermutation(n: number, seed: number): Int32Array {
  if (!(Number.isSafeInteger(n) && n >= 0)) {
    throw new RangeError(`seededPermutation: n must be a non-negative integer. Received: n=${n}.`);
  }
  const random = new SeedStream(seed);
  const indices = new Int32Array(n);
  for (let i = 0; i < n; i++) indices[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random.nextFloat() * (i + 1));
    const swap = indices[i];
    indices[i] = indices[j];
    indices[j] = swap;
  }
  return indices;
}
