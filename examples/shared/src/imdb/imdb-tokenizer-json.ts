import { DEFAULT_FILTERS } from '@tensorseq/text-vectorize';

/** Options of {@link imdbTokenizerJson}: `imdb.load_data`'s vocabulary arguments. */
export interface ImdbTokenizerJsonOptions {
  /** Ids kept: `indexFrom <= id < numWords` (the book's `max_features`). */
  numWords: number;
  /** The oov id, which rarer and unknown words become. @defaultValue 2 (Keras') */
  oovChar?: number;
  /** Ranks are shifted by this. @defaultValue 3 (Keras') */
  indexFrom?: number;
}

/** The oov token's text: not a word `imdbTokenize` can produce (it contains `[`, one of the filters). */
export const IMDB_OOV_TOKEN = '[oov]';

/**
 * A Keras `Tokenizer.to_json()` string that turns raw text into the ids `loadImdb({ numWords })` gives,
 * so a model trained on those sequences can score new text with `tokenizerFromJson(json)` (in a browser
 * too): Keras' default filters and lower-casing (as {@link imdbTokenize} splits), `word_index` = rank +
 * `indexFrom` for the `numWords − indexFrom` most frequent words, and every other word mapped to
 * `oovChar`. Prepend the start mark (1) yourself. One difference from `loadImdb`: a word absent from
 * Keras' whole index is skipped there but becomes `oovChar` here (0.54% of the tokens of the reviews).
 *
 * @param wordIndex - Keras' IMDB word index (`getWordIndex()`), word → rank from 1.
 * @param options - `numWords`, `oovChar`, `indexFrom`.
 * @returns the JSON string.
 * @example
 * const json = imdbTokenizerJson(await getWordIndex(), { numWords: 10000 });
 * tokenizerFromJson(json).textsToSequences(['a great film']); // → [[6, 87, 22]]
 */
export function imdbTokenizerJson(
  wordIndex: ReadonlyMap<string, number>,
  options: ImdbTokenizerJsonOptions,
): string {
  const { numWords, oovChar = 2, indexFrom = 3 } = options;
  if (!Number.isInteger(numWords) || numWords <= indexFrom) {
    throw new RangeError(
      `imdbTokenizerJson: numWords must be an integer > indexFrom (${indexFrom}). Received: numWords=${numWords}.`,
    );
  }
  const kept = [...wordIndex]
    .map(([word, rank]) => [word, rank + indexFrom] as const)
    .filter(([, id]) => id < numWords)
    .sort((a, b) => a[1] - b[1]);
  const index: Array<readonly [string, number]> = [[IMDB_OOV_TOKEN, oovChar], ...kept];
  const config = {
    num_words: numWords,
    filters: DEFAULT_FILTERS,
    lower: true,
    split: ' ',
    char_level: false,
    oov_token: IMDB_OOV_TOKEN,
    document_count: 0,
    word_counts: '{}',
    word_docs: '{}',
    index_docs: '{}',
    index_word: JSON.stringify(Object.fromEntries(index.map(([w, id]) => [String(id), w]))),
    word_index: JSON.stringify(Object.fromEntries(index)),
  };
  return JSON.stringify({ class_name: 'Tokenizer', config });
}
