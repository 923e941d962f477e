import { checkBoolean, checkString, fail } from './internal/checks';
import { WordScanner } from './internal/word-scanner';

/** Options of {@link textToWordSequence}, with Keras' defaults. */
export interface TextToWordSequenceOptions {
  /** Characters replaced by `split` before splitting. @defaultValue Keras' punctuation set {@link DEFAULT_FILTERS} */
  filters?: string;
  /** Lower-case the text first (like Python's `str.lower()`). @defaultValue true */
  lower?: boolean;
  /** Separator between words; a non-empty string. @defaultValue ' ' */
  split?: string;
}

/**
 * Keras' default `filters`: ASCII punctuation except `'`, plus tab and newline.
 *
 * @example
 * textToWordSequence('a-b', { filters: DEFAULT_FILTERS.replace('-', '') }) // → ['a-b']
 */
export const DEFAULT_FILTERS = '!"#$%&()*+,-./:;<=>?@[\\]^_`{|}~\t\n';

/** Resolved, validated options: what {@link wordScannerFor} compiles. */
export interface ResolvedWordOptions {
  filters: string;
  lower: boolean;
  split: string;
}

/** Fills Keras' defaults and checks each option once. */
export function resolveWordOptions(owner: string, options: TextToWordSequenceOptions): ResolvedWordOptions {
  const { filters = DEFAULT_FILTERS, lower = true, split = ' ' } = options;
  checkString(owner, 'filters', filters);
  checkBoolean(owner, 'lower', lower);
  checkString(owner, 'split', split);
  if (split.length === 0) fail(owner, 'split', 'a non-empty string', split, RangeError);
  return { filters, lower, split };
}

let cached: { key: string; scanner: WordScanner } | undefined;

/** The compiled scanner for these options (the last one is cached: callers usually repeat options). */
export function wordScannerFor(options: ResolvedWordOptions): WordScanner {
  const key = `${options.lower ? 1 : 0}\u0000${options.split}\u0000${options.filters}`;
  if (cached?.key !== key) {
    cached = { key, scanner: new WordScanner(options.filters, options.lower, options.split) };
  }
  return cached.scanner;
}

/**
 * Splits a text into words exactly like Keras' `text_to_word_sequence`: lower-case, replace every
 * `filters` character by `split`, split on `split`, drop empty strings.
 *
 * @param text - The text to split.
 * @param options - Filters, lower-casing and separator (Keras' defaults).
 * @returns The words, in order.
 * @throws TypeError when `text` is not a string or an option has the wrong type.
 *
 * @example
 * textToWordSequence('The cat sat on the mat.') // → ['the', 'cat', 'sat', 'on', 'the', 'mat']
 */
export function textToWordSequence(text: string, options: TextToWordSequenceOptions = {}): string[] {
  const resolved = resolveWordOptions('textToWordSequence', options);
  checkString('textToWordSequence', 'text', text);
  return wordScannerFor(resolved).words(text);
}
