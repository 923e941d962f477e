import { fnv1a } from './fnv1a';
import { checkInteger, checkString, fail } from './internal/checks';
import { md5 } from './md5';
import { resolveWordOptions, type TextToWordSequenceOptions, wordScannerFor } from './text-to-word-sequence';

/**
 * A hash for the hashing trick: Keras' `'md5'`, the fast `'fnv1a'`, or any word → integer function.
 *
 * @example
 * hashingTrick('the cat', 100, { hash: (word) => word.length }) // → [4, 4]
 */
export type HashFunction = 'md5' | 'fnv1a' | ((word: string) => number | bigint);

/** Options of {@link hashingTrick}: the word splitting of {@link textToWordSequence} plus the hash. */
export interface HashingTrickOptions extends TextToWordSequenceOptions {
  /** How words are hashed; `'md5'` gives Keras-identical indices. @defaultValue 'md5' */
  hash?: HashFunction;
}

/** Largest modulus handled with plain numbers: r * 256 + 255 stays below 2^53. */
const NUMBER_MOD_LIMIT = 2 ** 44;

/** Maps a word to an integer bucket. */
export type WordHasher = (word: string) => number;

/** Compiles the hash option into word → `hash(word) mod m` in `0 … m-1` (Python's modulo, never negative). */
export function bucketHasher(owner: string, hash: HashFunction, m: number): WordHasher {
  if (hash === 'md5') return (word) => md5Mod(word, m);
  if (hash === 'fnv1a') return (word) => fnv1a(word) % m;
  if (typeof hash !== 'function') fail(owner, 'hash', '"md5", "fnv1a" or a function', hash, RangeError);
  return (word) => {
    const h = hash(word);
    if (typeof h === 'bigint') return Number(((h % BigInt(m)) + BigInt(m)) % BigInt(m));
    if (!Number.isSafeInteger(h)) fail(owner, 'hash(word)', 'a safe integer or a bigint', h, RangeError);
    return ((h % m) + m) % m;
  };
}

/** Keras' index for a hashing space of size `n`: `hash(word) % (n - 1) + 1`, so 0 is never used. */
export function wordHasher(owner: string, hash: HashFunction, n: number): WordHasher {
  const bucket = bucketHasher(owner, hash, n - 1);
  return (word) => bucket(word) + 1;
}

/** `int(md5(word).hexdigest(), 16) % m`, exact for every m (the digest is a 128-bit integer). */
function md5Mod(word: string, m: number): number {
  const digest = md5(word);
  if (m <= NUMBER_MOD_LIMIT) {
    let r = 0;
    for (const byte of digest) r = (r * 256 + byte) % m;
    return r;
  }
  let big = 0n;
  for (const byte of digest) big = (big << 8n) | BigInt(byte);
  return Number(big % BigInt(m));
}

/**
 * Keras' `hashing_trick`: splits a text into words and maps each to an index in `1 … n-1` by hashing
 * (index 0 is never used). With `hash: 'md5'` the indices are exactly Keras' (`int(md5(w).hexdigest(),
 * 16) % (n - 1) + 1`, computed exactly on the 128-bit digest).
 *
 * @param text - The text to encode.
 * @param n - Size of the hashing space; an integer ≥ 2.
 * @param options - Word splitting (Keras' defaults) and the hash.
 * @returns One index per word.
 * @throws TypeError / RangeError for a non-string text, a bad `n` or an unknown hash.
 *
 * @example
 * hashingTrick('The cat sat on the mat.', 1000) // → [132, 759, 622, 379, 132, 962] (Keras' values)
 */
export function hashingTrick(text: string, n: number, options: HashingTrickOptions = {}): number[] {
  const owner = 'hashingTrick';
  const { hash = 'md5', ...wordOptions } = options;
  checkString(owner, 'text', text);
  checkInteger(owner, 'n', n, 2);
  if (n > Number.MAX_SAFE_INTEGER) fail(owner, 'n', 'a safe integer', n, RangeError);
  const toIndex = wordHasher(owner, hash, n);
  const words = wordScannerFor(resolveWordOptions(owner, wordOptions)).words(text);
  return words.map(toIndex);
}
