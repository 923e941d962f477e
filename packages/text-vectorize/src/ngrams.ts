import { assertPositiveInteger } from '@tensorseq/utils';
import { checkString, fail } from './internal/checks';

/** Options of {@link ngrams} and {@link bagOfNgrams}. */
export interface NgramsOptions {
  /** Joins the tokens of one n-gram (Keras' TextVectorization uses a space). @defaultValue ' ' */
  separator?: string;
}

function checkTokens(owner: string, tokens: readonly string[]): void {
  if (!Array.isArray(tokens)) fail(owner, 'tokens', 'an array of strings', tokens);
  tokens.forEach((t, i) => {
    checkString(owner, `tokens[${i}]`, t);
  });
}

/**
 * The contiguous n-grams of exactly `n` tokens, in order.
 *
 * @param tokens - The token sequence.
 * @param n - Tokens per n-gram; an integer ≥ 1.
 * @param options - The separator that joins the tokens of an n-gram.
 * @returns `tokens.length - n + 1` strings (none when the sequence is shorter than `n`).
 *
 * @example
 * ngrams(['The', 'cat', 'sat'], 2) // → ['The cat', 'cat sat']
 */
export function ngrams(tokens: readonly string[], n: number, options: NgramsOptions = {}): string[] {
  const { separator = ' ' } = options;
  checkTokens('ngrams', tokens);
  assertPositiveInteger('ngrams', 'n', n);
  checkString('ngrams', 'separator', separator);
  const out: string[] = [];
  for (let i = 0; i + n <= tokens.length; i++) out.push(tokens.slice(i, i + n).join(separator));
  return out;
}

/**
 * The chapter's "bag of n-grams": the set of every 1-gram … n-gram of the tokens, ordered by start
 * position then length (so `bagOfNgrams(words, 2)` lists "The", "The cat", "cat", "cat sat", …).
 *
 * @param tokens - The token sequence.
 * @param n - Longest n-gram; an integer ≥ 1.
 * @param options - The separator that joins the tokens of an n-gram.
 * @returns The distinct n-grams, in first-seen order.
 *
 * @example
 * bagOfNgrams(['The', 'cat', 'sat'], 2) // → Set { 'The', 'The cat', 'cat', 'cat sat', 'sat' }
 */
export function bagOfNgrams(tokens: readonly string[], n: number, options: NgramsOptions = {}): Set<string> {
  const { separator = ' ' } = options;
  checkTokens('bagOfNgrams', tokens);
  assertPositiveInteger('bagOfNgrams', 'n', n);
  checkString('bagOfNgrams', 'separator', separator);
  const bag = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    for (let width = 1; width <= n && i + width <= tokens.length; width++) {
      bag.add(tokens.slice(i, i + width).join(separator));
    }
  }
  return bag;
}
