import { assertNonNegativeInteger } from '@tensorseq/utils';
import { allocate } from './internal/allocate';
import { fail } from './internal/checks';
import { pySplit } from './internal/split-whitespace';
import type { NDArray } from './nd-array';

/** Options of {@link wordOneHot}. */
export interface WordOneHotOptions {
  /** Words kept per sample (the first ones). @defaultValue 10 */
  maxLength?: number;
}

/**
 * A toy one-hot encoding: the index it built and the `[samples, maxLength, tokens + 1]` tensor.
 *
 * @example
 * const { tokenIndex, result }: OneHotEncoding = wordOneHot(['a b']); // result.shape → [1, 10, 3]
 */
export interface OneHotEncoding {
  /** Token → index (1-based, first-seen order; 0 is never assigned). */
  tokenIndex: Map<string, number>;
  /** `result[i, j, tokenIndex(token j of sample i)] = 1`. */
  result: NDArray<Float32Array>;
}

/** Checks the samples argument of the toy encoders. */
export function checkSamples(owner: string, samples: readonly string[]): void {
  if (!Array.isArray(samples)) fail(owner, 'samples', 'an array of strings', samples);
  samples.forEach((s, i) => {
    if (typeof s !== 'string') fail(owner, `samples[${i}]`, 'a string', s);
  });
}

/**
 * The book's listing 6.1, word-level one-hot encoding: words are split on whitespace (punctuation
 * and case kept, as in the listing), indexed from 1 in first-seen order, one-hot per position.
 *
 * @param samples - The texts.
 * @param options - How many words per sample are encoded.
 * @returns The token index and a `[samples, maxLength, maxIndex + 1]` Float32Array tensor.
 *
 * @example
 * const { tokenIndex, result } = wordOneHot(['The cat sat on the mat.', 'The dog ate my homework.']);
 * tokenIndex.get('mat.') // → 6
 * result.shape // → [2, 10, 11]
 */
export function wordOneHot(samples: readonly string[], options: WordOneHotOptions = {}): OneHotEncoding {
  const { maxLength = 10 } = options;
  checkSamples('wordOneHot', samples);
  assertNonNegativeInteger('wordOneHot', 'maxLength', maxLength);
  const tokenIndex = new Map<string, number>();
  const words = samples.map(pySplit);
  for (const sample of words) {
    for (const word of sample) if (!tokenIndex.has(word)) tokenIndex.set(word, tokenIndex.size + 1);
  }
  const depth = tokenIndex.size + 1;
  const per = `${samples.length} samples × maxLength ${maxLength} × depth ${depth}`;
  const data = allocate(
    Float32Array,
    samples.length * maxLength * depth,
    'wordOneHot',
    'maxLength',
    maxLength,
    per,
  );
  words.forEach((sample, i) => {
    sample.slice(0, maxLength).forEach((word, j) => {
      data[(i * maxLength + j) * depth + tokenIndex.get(word)!] = 1;
    });
  });
  return { tokenIndex, result: { data, shape: [samples.length, maxLength, depth] } };
}
