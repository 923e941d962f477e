export {
  type ExportImdbModelOptions,
  exportImdbModel,
  type ImdbExportManifest,
} from './export-imdb-model';
export type { ImdbExperiment, ImdbModelSizes } from './imdb-experiment';
export { IMDB_OOV_TOKEN, type ImdbTokenizerJsonOptions, imdbTokenizerJson } from './imdb-tokenizer-json';
export { type ReviewTensors, type ReviewTensorsOptions, reviewTensors } from './review-tensors';
export {
  IMDB_BOOK_SIZES,
  IMDB_QUICK_SIZES,
  type RunImdbExperimentOptions,
  runImdbExperiment,
} from './run-imdb-experiment';
export { type ReviewSplit, type SyntheticReviewsOptions, syntheticReviews } from './synthetic-reviews';
