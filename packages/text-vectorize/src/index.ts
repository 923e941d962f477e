export { type CharOneHotOptions, charOneHot, PRINTABLE } from './char-one-hot';
export { fnv1a } from './fnv1a';
export { type HashedWordOneHotOptions, hashedWordOneHot } from './hashed-word-one-hot';
export { type HashFunction, type HashingTrickOptions, hashingTrick } from './hashing-trick';
export { md5, toHex } from './md5';
export type { NDArray, TypedArray } from './nd-array';
export { bagOfNgrams, type NgramsOptions, ngrams } from './ngrams';
export { oneHot } from './one-hot';
export {
  type PadDtype,
  type PadDtypeMap,
  type PadSequencesOptions,
  padSequences,
} from './pad-sequences';
export {
  DEFAULT_FILTERS,
  type TextToWordSequenceOptions,
  textToWordSequence,
} from './text-to-word-sequence';
export {
  type OutputMode,
  type SplitMode,
  type Standardize,
  TextVectorizer,
  type TextVectorizerOptions,
} from './text-vectorizer';
export {
  type MatrixMode,
  type MatrixOptions,
  Tokenizer,
  type TokenizerOptions,
  type TokenizerText,
} from './tokenizer';
export { tokenizerFromJson } from './tokenizer-from-json';
export type { KerasTokenizerConfig } from './tokenizer-json';
export { type OneHotEncoding, type WordOneHotOptions, wordOneHot } from './word-one-hot';
