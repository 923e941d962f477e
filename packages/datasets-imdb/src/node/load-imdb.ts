import type { NodeByteSource } from '@tensorseq/download/node';
import {
  checkLoadImdbOptions,
  type ImdbSequenceOptions,
  type ImdbSequences,
  imdbSequences,
} from '../load-imdb';
import { getWordIndex } from './get-word-index';
import { loadImdbText, type NodeLoadImdbTextOptions } from './load-imdb-text';

/** Options of the `./node` entry's {@link loadImdb}: Keras' arguments, plus where the data is. */
export interface NodeLoadImdbOptions extends ImdbSequenceOptions, Omit<NodeLoadImdbTextOptions, 'split'> {
  /** Where the word index comes from. @defaultValue `$TENSORSEQ_DATA`, else the cache, else Keras' URL */
  wordIndexSource?: NodeByteSource;
}

/**
 * `loadImdb` of the main entry (Keras' `imdb.load_data`), reading the archive and the word index from
 * paths, `$TENSORSEQ_DATA` or the download cache.
 *
 * @param options - Keras' arguments and the data sources; see {@link NodeLoadImdbOptions}.
 * @returns `{ xTrain, yTrain, xTest, yTest, coverage }`.
 * @throws RangeError for invalid arguments, or when `maxlen` leaves no review.
 * @example
 * const { xTrain, yTrain } = await loadImdb({ numWords: 10000 });
 * xTrain[0].slice(0, 3) // → [1, 14, 22] (start mark, then word indices < 10000)
 */
export async function loadImdb(options: NodeLoadImdbOptions = {}): Promise<ImdbSequences> {
  const checked = checkLoadImdbOptions(options);
  const [text, wordIndex] = await Promise.all([
    options.text ??
      loadImdbText({ source: options.source, cacheDir: options.cacheDir, onProgress: options.onProgress }),
    options.wordIndex ?? getWordIndex({ source: options.wordIndexSource, cacheDir: options.cacheDir }),
  ]);
  return imdbSequences(text, wordIndex, checked);
}
