import { assertNonNegativeInteger, assertPositiveInteger } from '@tensorseq/utils';
import { bucketHasher, type HashFunction } from './hashing-trick';
import { allocate } from './internal/allocate';

import { pySplit } from './internal/split-whitespace';
import type { NDArray } from './nd-array';
import { checkSamples } from './word-one-hot';

/** Options of {@link hashedWordOneHot}. */
export interface HashedWordOneHotOptions {
  /** Size of the hashing space (the last axis). @defaultValue 1000 */
  dimensionality?: number;
  /** Words kept per sample (the first ones). @defaultValue 10 */
  maxLength?: number;
  /** The word hash; the listing's Python `hash()` is salted per run, so a stable one is used. @defaultValue 'fnv1a' */
  hash?: HashFunction;
}

/**
 * The book's listing 6.4, word-level one-hot encoding with the hashing trick: no index is built, each
 * whitespace-separated word sets position `hash(word) % dimensionality`.
 *
 * @param samples - The texts.
 * @param options - Hashing space, words per sample, hash.
 * @returns A `[samples, maxLength, dimensionality]` Float32Array tensor.
 *
 * @example
 * hashedWordOneHot(['The cat sat on the mat.']).shape // → [1, 10, 1000]
 */
export function hashedWordOneHot(
  samples: readonly string[],
  options: HashedWordOneHotOptions = {},
): NDArray<Float32Array> {
  const { dimensionality = 1000, maxLength = 10, hash = 'fnv1a' } = options;
  checkSamples('hashedWordOneHot', samples);
  assertPositiveInteger('hashedWordOneHot', 'dimensionality', dimensionality);
  assertNonNegativeInteger('hashedWordOneHot', 'maxLength', maxLength);
  const bucket = bucketHasher('hashedWordOneHot', hash, dimensionality);
  const per = `${samples.length} samples × maxLength ${maxLength} × dimensionality ${dimensionality}`;
  const data = allocate(
    Float32Array,
    samples.length * maxLength * dimensionality,
    'hashedWordOneHot',
    'maxLength',
    maxLength,
    per,
  );
  samples.forEach((sample, i) => {
    pySplit(sample)
      .slice(0, maxLength)
      .forEach((word, j) => {
        data[(i * maxLength + j) * dimensionality + bucket(word)] = 1;
      });
  });
  return { data, shape: [samples.length, maxLength, dimensionality] };
}
