export { type DecodeReviewOptions, decodeReview } from './decode-review';
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
export type { ImdbCoverage, ImdbSequenceOptions, ImdbSequences } from './load-imdb';
export { getWordIndex, type NodeGetWordIndexOptions } from './node/get-word-index';
export { loadImdb, type NodeLoadImdbOptions } from './node/load-imdb';
export { loadImdbText, type NodeLoadImdbTextOptions } from './node/load-imdb-text';
