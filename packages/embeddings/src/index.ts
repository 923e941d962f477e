export {
  type EmbeddingMatrix,
  type EmbeddingMatrixOptions,
  embeddingMatrix,
  type WordIndex,
} from './embedding-matrix';
export { EmbeddingsFormatError, type FormatErrorLocation } from './embeddings-format-error';
export type { SaveVectorsOptions } from './encode-vectors';
export { formatFloat32 } from './format-float32';
export {
  KeyedVectors,
  type MostSimilarOptions,
  type SimilarityTerm,
  type SimilarWord,
} from './keyed-vectors';
export { loadFastTextVec } from './load-fasttext-vec';
export { GLOVE_6B_SHA256, GLOVE_6B_URL, type GloveRelease, loadGlove } from './load-glove';
export type { LoadProgress, LoadVectorsOptions, UnicodeErrors } from './load-options';
export { type LoadWord2VecOptions, loadWord2Vec } from './load-word2vec';
export type { NDArray } from './nd-array';
export type { VectorSource, ZipMemberSource } from './vector-source';
