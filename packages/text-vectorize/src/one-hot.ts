import { type HashingTrickOptions, wordHasher } from './hashing-trick';
import { checkInteger, checkString, fail } from './internal/checks';
import { resolveWordOptions, wordScannerFor } from './text-to-word-sequence';

/**
 * Keras' `one_hot`: the hashing trick with a non-cryptographic hash. Keras uses Python's salted
 * `hash()`, which changes between runs; this uses the stable FNV-1a by default, so indices are
 * reproducible (pass `hash: 'md5'` for Keras' stable variant).
 *
 * @param text - The text to encode.
 * @param n - Size of the hashing space; an integer ≥ 2. Indices are in `1 … n-1`.
 * @param options - Word splitting (Keras' defaults) and the hash. @defaultValue hash 'fnv1a'
 * @returns One index per word.
 *
 * @example
 * oneHot('the cat the', 100) // → [i, j, i] with i, j in 1…99
 */
export function oneHot(text: string, n: number, options: HashingTrickOptions = {}): number[] {
  const owner = 'oneHot';
  const { hash = 'fnv1a', ...wordOptions } = options;
  checkString(owner, 'text', text);
  checkInteger(owner, 'n', n, 2);
  if (n > Number.MAX_SAFE_INTEGER) fail(owner, 'n', 'a safe integer', n, RangeError);
  const toIndex = wordHasher(owner, hash, n);
  return wordScannerFor(resolveWordOptions(owner, wordOptions)).words(text).map(toIndex);
}
