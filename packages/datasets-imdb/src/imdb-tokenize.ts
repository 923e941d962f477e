import { DEFAULT_FILTERS } from '@tensorseq/text-vectorize';

const FILTER_PATTERN = new RegExp(
  `[${[...DEFAULT_FILTERS].map((c) => `\\u{${c.codePointAt(0)?.toString(16)}}`).join('')}]`,
  'gu',
);

/**
 * Splits a review into the words Keras' IMDB word index is keyed by: Keras' `text_to_word_sequence` with
 * its defaults (lower-case; punctuation except `'` becomes a space; split on spaces), so `<br />` gives
 * the word `br` (rank 7 in the index) and `it's` stays one word. One regex pass instead of one split per
 * filter character: same result, several times faster on 50,000 reviews.
 *
 * @param text - one raw review.
 * @returns its words, in order.
 * @example
 * imdbTokenize("It's great.<br /><br />10/10") // → ["it's", 'great', 'br', 'br', '10', '10']
 */
export function imdbTokenize(text: string): string[] {
  return text
    .toLowerCase()
    .replace(FILTER_PATTERN, ' ')
    .split(' ')
    .filter((w) => w.length > 0);
}
