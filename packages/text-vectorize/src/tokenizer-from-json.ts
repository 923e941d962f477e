import { Tokenizer } from './tokenizer';

/**
 * Keras' `tokenizer_from_json` under its own name, for code translated from Python: the same as
 * {@link Tokenizer.fromJSON}.
 *
 * @param json - The output of Keras' `Tokenizer.to_json()` (or of `Tokenizer.toJSON()`).
 * @returns A fitted Tokenizer.
 *
 * @example
 * const tokenizer = tokenizerFromJson(kerasJson);
 * tokenizer.textsToSequences(['the cat']) // → the indices Keras gives
 */
export function tokenizerFromJson(json: string): Tokenizer {
  return Tokenizer.fromJSON(json);
}
