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
export { GLOVE_6B_SHA256, GLOVE_6B_URL, type GloveRelease } from './load-glove';
export type { LoadProgress, LoadVectorsOptions, UnicodeErrors } from './load-options';
export type { LoadWord2VecOptions } from './load-word2vec';
export type { NDArray } from './nd-array';
export { loadFastTextVec } from './node/load-fasttext-vec';
export { loadGlove } from './node/load-glove';
export { loadWord2Vec } from './node/load-word2vec';
export { saveVectors } from './node/save-vectors';
export type { NodeLoadVectorsOptions, NodeVectorSource } from './node/vector-source';
export type { VectorSource, ZipMemberSource } from './vector-source';
