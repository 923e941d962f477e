import { assertNonNegativeInteger, assertOneOf, assertPositiveInteger } from '@tensorseq/utils';
import { type GetWordIndexOptions, getWordIndex } from './get-word-index';
import type { ImdbSplit, ImdbText } from './imdb-reviews';
import { imdbTokenize } from './imdb-tokenize';
import { type LoadImdbTextOptions, loadImdbText } from './load-imdb-text';
import { seededRandom } from './seeded-random';

/** Keras' `imdb.load_data` arguments camelCased, and already loaded data (shared by both entries). */
export interface ImdbSequenceOptions {
  /** Keep indices below this (`skipTop <= i < numWords`); others become `oovChar`. @defaultValue all */
  numWords?: number;
  /** Indices below this (the most frequent words, shifted) become `oovChar`. @defaultValue 0 */
  skipTop?: number;
  /** Drop reviews whose sequence (start mark included) has `maxlen` or more entries; no truncation. */
  maxlen?: number;
  /** Seed of the shuffle of each split. @defaultValue 113 (Keras') */
  seed?: number;
  /** Marks the start of each sequence; `null` for none. @defaultValue 1 */
  startChar?: number | null;
  /** Replaces words cut by `numWords`/`skipTop`; `null` drops them instead. @defaultValue 2 */
  oovChar?: number | null;
  /** Ranks are shifted by this, reserving 0 (padding), 1 (start), 2 (OOV). @defaultValue 3 */
  indexFrom?: number;
  /**
   * Words absent from the word index: skipped, as in Keras' `imdb.npz` (its note: unseen words "have simply
   * been skipped"), or mapped to `oovChar`. @defaultValue 'skip'
   */
  unknownWords?: 'skip' | 'oov';
  /** Already loaded reviews (from {@link loadImdbText}), to skip reading the archive again. */
  text?: ImdbText;
  /** Already loaded word index (from {@link getWordIndex}). */
  wordIndex?: Map<string, number>;
}

/** Options of {@link loadImdb}: Keras' arguments, plus where the data is. */
export interface LoadImdbOptions extends ImdbSequenceOptions, Omit<LoadImdbTextOptions, 'split'> {
  /** Where the word index comes from. @defaultValue Keras' URL, fetched and sha256-checked */
  wordIndexSource?: GetWordIndexOptions['source'];
}

/** How well the tokenized reviews match Keras' word index. */
export interface ImdbCoverage {
  /** Tokens in all reviews. */
  tokens: number;
  /** Tokens found in the word index. */
  inIndex: number;
  /** `inIndex / tokens`. */
  share: number;
}

/** What {@link loadImdb} returns: Keras' `(x_train, y_train), (x_test, y_test)`, plus the coverage. */
export interface ImdbSequences {
  xTrain: number[][];
  yTrain: Int32Array;
  xTest: number[][];
  yTest: Int32Array;
  coverage: ImdbCoverage;
}

/**
 * Keras' `imdb.load_data` from the raw reviews: each review is tokenized like the word index was built
 * ({@link imdbTokenize}), each word becomes its rank + `indexFrom`, `startChar` is prepended; each split is
 * shuffled with one seeded generator (train, then test, as Keras); `maxlen` then **filters out** reviews
 * whose sequence length is ≥ `maxlen` (Keras' `_remove_long_seq`; nothing is truncated); finally indices
 * outside `[skipTop, numWords)` become `oovChar` (or are dropped when it is `null`) — the start mark too,
 * when `skipTop > startChar`, exactly as in Keras. `numWords` defaults to the largest index present (which
 * `w < numWords` then cuts, a Keras quirk kept on purpose).
 *
 * Differences from Keras' `imdb.npz`: the review order (the npz's is not documented; ours is a seeded
 * shuffle of {@link loadImdbText}'s order). On the real data 99.46% of the tokens are in the index
 * (`coverage`; the rest are test-set words the index never saw, which the npz skips too) and the mean
 * train sequence length is 238.71, the npz's.
 *
 * @param options - Keras' arguments and the data sources; see {@link LoadImdbOptions}.
 * @returns `{ xTrain, yTrain, xTest, yTest, coverage }`.
 * @throws RangeError for invalid arguments, or when `maxlen` leaves no review.
 * @example
 * const { xTrain, yTrain } = await loadImdb({ numWords: 10000, source: await fetch('/aclImdb_v1.tar.gz') });
 * xTrain[0].slice(0, 3) // → [1, 14, 22] (start mark, then word indices < 10000)
 */
export async function loadImdb(options: LoadImdbOptions = {}): Promise<ImdbSequences> {
  const checked = checkLoadImdbOptions(options);
  const [text, wordIndex] = await Promise.all([
    options.text ?? loadImdbText({ source: options.source }),
    options.wordIndex ?? getWordIndex({ source: options.wordIndexSource }),
  ]);
  return imdbSequences(text, wordIndex, checked);
}

/**
 * The sequences of loaded reviews (shared by both entries' `loadImdb`).
 *
 * @example
 * const { xTrain } = imdbSequences(text, wordIndex, checkLoadImdbOptions({ numWords: 10000 }));
 */
export function imdbSequences(
  text: ImdbText,
  wordIndex: Map<string, number>,
  checked: CheckedImdbOptions,
): ImdbSequences {
  const coverage: ImdbCoverage = { tokens: 0, inIndex: 0, share: 0 };
  const encode = (split: ImdbSplit) => split.texts.map((t) => encodeReview(t, wordIndex, checked, coverage));
  let train = { xs: encode(text.train), ys: text.train.labels };
  let test = { xs: encode(text.test), ys: text.test.labels };
  coverage.share = coverage.tokens === 0 ? 0 : coverage.inIndex / coverage.tokens;
  const rand = seededRandom(checked.seed);
  train = shuffled(train, rand);
  test = shuffled(test, rand);
  if (checked.maxlen !== undefined) {
    train = withoutLong(train, checked.maxlen);
    test = withoutLong(test, checked.maxlen);
    if (train.xs.length === 0 || test.xs.length === 0) {
      throw new RangeError(
        `loadImdb: maxlen must leave at least one review in each split. Received: maxlen=${checked.maxlen}.`,
      );
    }
  }
  const numWords = checked.numWords ?? maxIndex([...train.xs, ...test.xs]);
  const cut = (xs: number[][]) =>
    xs.map((x) => applyVocabulary(x, checked.skipTop, numWords, checked.oovChar));
  return { xTrain: cut(train.xs), yTrain: train.ys, xTest: cut(test.xs), yTest: test.ys, coverage };
}

/** {@link ImdbSequenceOptions} once checked, with every default filled in. */
export interface CheckedImdbOptions {
  numWords: number | undefined;
  skipTop: number;
  maxlen: number | undefined;
  seed: number;
  startChar: number | null;
  oovChar: number | null;
  indexFrom: number;
  unknownWords: 'skip' | 'oov';
}

/**
 * Checks Keras' arguments once, at entry, and fills in the defaults.
 *
 * @example
 * checkLoadImdbOptions({ numWords: 10000 }).indexFrom // → 3
 */
export function checkLoadImdbOptions(options: ImdbSequenceOptions): CheckedImdbOptions {
  const {
    numWords,
    skipTop = 0,
    maxlen,
    seed = 113,
    startChar = 1,
    oovChar = 2,
    indexFrom = 3,
    unknownWords = 'skip',
  } = options;
  const integer = (name: string, value: number | null | undefined, min: 0 | 1, optional: boolean) => {
    if ((value === undefined || value === null) && optional) return;
    if (min === 1) assertPositiveInteger('loadImdb', name, value);
    else assertNonNegativeInteger('loadImdb', name, value);
  };
  integer('numWords', numWords, 1, true);
  integer('skipTop', skipTop, 0, false);
  integer('maxlen', maxlen, 1, true);
  integer('seed', seed, 0, false);
  integer('startChar', startChar, 0, true);
  integer('oovChar', oovChar, 0, true);
  integer('indexFrom', indexFrom, 0, false);
  assertOneOf('loadImdb', 'unknownWords', unknownWords, ['skip', 'oov']);
  if (unknownWords === 'oov' && oovChar === null) {
    throw new TypeError(
      'loadImdb: oovChar must be a number when unknownWords is "oov". Received: oovChar=null.',
    );
  }
  return { numWords, skipTop, maxlen, seed, startChar, oovChar, indexFrom, unknownWords };
}

function encodeReview(
  text: string,
  wordIndex: Map<string, number>,
  o: CheckedImdbOptions,
  coverage: ImdbCoverage,
): number[] {
  const words = imdbTokenize(text);
  const seq: number[] = o.startChar === null ? [] : [o.startChar];
  const oov = o.unknownWords === 'oov' ? (o.oovChar as number) : -1;
  let found = 0;
  for (let i = 0; i < words.length; i++) {
    const rank = wordIndex.get(words[i]);
    if (rank !== undefined) {
      found++;
      seq.push(rank + o.indexFrom);
    } else if (oov >= 0) {
      seq.push(oov);
    }
  }
  coverage.tokens += words.length;
  coverage.inIndex += found;
  return seq;
}

function shuffled(split: { xs: number[][]; ys: Int32Array }, rand: () => number) {
  const order = Int32Array.from(split.xs, (_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return { xs: Array.from(order, (i) => split.xs[i]), ys: Int32Array.from(order, (i) => split.ys[i]) };
}

function withoutLong(split: { xs: number[][]; ys: Int32Array }, maxlen: number) {
  const keep = split.xs.map((x, i) => (x.length < maxlen ? i : -1)).filter((i) => i >= 0);
  return { xs: keep.map((i) => split.xs[i]), ys: Int32Array.from(keep, (i) => split.ys[i]) };
}

function maxIndex(xs: number[][]): number {
  let max = 0;
  for (const x of xs) for (const w of x) if (w > max) max = w;
  return max;
}

/** Cuts the vocabulary in place (the arrays were built by this module, nobody else holds them). */
function applyVocabulary(x: number[], skipTop: number, numWords: number, oovChar: number | null): number[] {
  if (oovChar === null) return x.filter((w) => skipTop <= w && w < numWords);
  for (let i = 0; i < x.length; i++) if (x[i] < skipTop || x[i] >= numWords) x[i] = oovChar;
  return x;
}
