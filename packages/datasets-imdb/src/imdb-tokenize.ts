import { DEFAULT_FILTERS } from '@tensorseq/text-vectorize';

/** Runs of characters that are neither a filter nor the split space: the words. */
const WORD_PATTERN = new RegExp(
  `[^${[...DEFAULT_FILTERS].map((c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`).join('')} ]+`,
  'g',
);

/**
 * Splits a review into the words Keras' IMDB word index is keyed by: Keras' `text_to_word_sequence` with
 * its defaults (lower-case; punctuation except `'` becomes a space; split on spaces), so `<br />` gives
 * the word `br` (rank 7 in the index) and `it's` stays one word. One regex match instead of one split per
 * filter character: the same words, faster on 50,000 reviews.
 *
 * @param text - one raw review.
 * @returns its words, in order.
 * @example
 * imdbTokenize("It's great.<br /><br />10/10") // → ["it's", 'great', 'br', 'br', '10', '10']
 */
export function imdbTokenize(text: string): string[] {
  return text.toLowerCase().match(WORD_PATTERN) ?? [];
}
