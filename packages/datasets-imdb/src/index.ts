export { type DecodeReviewOptions, decodeReview } from './decode-review';
export { type GetWordIndexOptions, getWordIndex } from './get-word-index';
export type { ImdbSplit, ImdbText } from './imdb-reviews';
export {
  IMDB_FILE_NAME,
  IMDB_LABELED_FILE_NAME,
  IMDB_SHA256,
  IMDB_URL,
  WORD_INDEX_FILE_NAME,
  WORD_INDEX_SHA256,
  WORD_INDEX_URL,
} from './imdb-source';
export { imdbTokenize } from './imdb-tokenize';
export {
  type ImdbCoverage,
  type ImdbSequenceOptions,
  type ImdbSequences,
  type LoadImdbOptions,
  loadImdb,
} from './load-imdb';
export { type LoadImdbTextOptions, loadImdbText } from './load-imdb-text';
