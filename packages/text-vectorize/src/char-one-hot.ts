import { assertNonNegativeInteger } from '@tensorseq/utils';
import { allocate } from './internal/allocate';
import { checkString, fail } from './internal/checks';
import type { NDArray } from './nd-array';
import { checkSamples, type OneHotEncoding } from './word-one-hot';

/**
 * Python's `string.printable`: digits, letters, punctuation and whitespace (100 characters).
 *
 * @example
 * PRINTABLE.length // → 100
 */
export const PRINTABLE =
  '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~ \t\n\r\x0b\x0c';

/** Options of {@link charOneHot}. */
export interface CharOneHotOptions {
  /** Characters kept per sample (the first ones). @defaultValue 50 */
  maxLength?: number;
  /** The alphabet; character k gets index k + 1. @defaultValue {@link PRINTABLE} */
  characters?: string;
}

/**
 * The book's listing 6.2, character-level one-hot encoding over `string.printable` (index k + 1 for
 * the k-th printable character). The listing's `dict(zip(range(1, …), characters))` maps index →
 * character, which makes every lookup miss; this implements what the listing means. Characters
 * outside the alphabet leave their row all zero.
 *
 * @param samples - The texts.
 * @param options - Characters per sample and the alphabet.
 * @returns The character index and a `[samples, maxLength, alphabet + 1]` Float32Array tensor.
 *
 * @example
 * const { result } = charOneHot(['The cat sat on the mat.']);
 * result.shape // → [1, 50, 101]
 */
export function charOneHot(samples: readonly string[], options: CharOneHotOptions = {}): OneHotEncoding {
  const { maxLength = 50, characters = PRINTABLE } = options;
  checkSamples('charOneHot', samples);
  assertNonNegativeInteger('charOneHot', 'maxLength', maxLength);
  checkString('charOneHot', 'characters', characters);
  const alphabet = Array.from(characters);
  const tokenIndex = new Map(alphabet.map((c, k) => [c, k + 1]));
  if (tokenIndex.size !== alphabet.length)
    fail('charOneHot', 'characters', 'free of duplicates', characters, RangeError);
  const depth = alphabet.length + 1;
  const per = `${samples.length} samples × maxLength ${maxLength} × depth ${depth}`;
  const data = allocate(
    Float32Array,
    samples.length * maxLength * depth,
    'charOneHot',
    'maxLength',
    maxLength,
    per,
  );
  samples.forEach((sample, i) => {
    Array.from(sample)
      .slice(0, maxLength)
      .forEach((ch, j) => {
        const index = tokenIndex.get(ch);
        if (index !== undefined) data[(i * maxLength + j) * depth + index] = 1;
      });
  });
  const result: NDArray<Float32Array> = { data, shape: [samples.length, maxLength, depth] };
  return { tokenIndex, result };
}
