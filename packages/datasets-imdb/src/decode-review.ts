/** Options of {@link decodeReview}. */
export interface DecodeReviewOptions {
  /** The shift used when encoding. @defaultValue 3 */
  indexFrom?: number;
  /** Shown for indices with no word (padding, start, OOV). @defaultValue '?' (the book's) */
  unknown?: string;
}

/**
 * Turns a sequence from {@link loadImdb} back into words, as the book does:
 * `' '.join([reverse_word_index.get(i - 3, '?') for i in sequence])`.
 *
 * @param sequence - word indices (shifted by `indexFrom`).
 * @param wordIndex - the word index from {@link getWordIndex}.
 * @param options - `indexFrom`, `unknown`.
 * @returns the words joined by spaces.
 * @example
 * decodeReview([1, 14, 22, 16], wordIndex) // → '? this film was'
 */
export function decodeReview(
  sequence: ArrayLike<number>,
  wordIndex: Map<string, number>,
  options: DecodeReviewOptions = {},
): string {
  const { indexFrom = 3, unknown = '?' } = options;
  const reverse = reverseIndex(wordIndex);
  return Array.from(sequence, (i) => reverse.get(i - indexFrom) ?? unknown).join(' ');
}

const reversed = new WeakMap<Map<string, number>, Map<number, string>>();

/** rank → word, built once per word index. */
function reverseIndex(wordIndex: Map<string, number>): Map<number, string> {
  let reverse = reversed.get(wordIndex);
  if (reverse === undefined) {
    reverse = new Map();
    for (const [word, rank] of wordIndex) reverse.set(rank, word);
    reversed.set(wordIndex, reverse);
  }
  return reverse;
}
