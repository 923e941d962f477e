/** Options of {@link textToWordSequence}, with Keras' defaults. */
export interface TextToWordSequenceOptions {
  /** Characters replaced by `split` before splitting. @defaultValue Keras' punctuation set */
  filters?: string;
  /** Lower-case the text first. @defaultValue true */
  lower?: boolean;
  /** Separator between words. @defaultValue ' ' */
  split?: string;
}

/** Keras' default `filters`: punctuation, tab and newline. */
export const DEFAULT_FILTERS = '!"#$%&()*+,-./:;<=>?@[\\]^_`{|}~\t\n';

/**
 * Splits a text into words exactly like Keras' `text_to_word_sequence`.
 *
 * @example
 * textToWordSequence('The cat sat on the mat.') // → ['the', 'cat', 'sat', 'on', 'the', 'mat']
 */
export function textToWordSequence(text: string, options: TextToWordSequenceOptions = {}): string[] {
  const { filters = DEFAULT_FILTERS, lower = true, split = ' ' } = options;
  if (typeof text !== 'string') {
    throw new TypeError(`textToWordSequence: text must be a string. Received: text=${String(text)}.`);
  }
  let s = lower ? text.toLowerCase() : text;
  for (const ch of filters) s = s.split(ch).join(split);
  return s.split(split).filter((w) => w.length > 0);
}
