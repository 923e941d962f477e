// The main entry's exports, with the readers that take paths in place of their universal namesakes.
export * from './index';
export { loadFastTextVec } from './node/load-fasttext-vec';
export { loadGlove } from './node/load-glove';
export { loadWord2Vec } from './node/load-word2vec';
export { saveVectors } from './node/save-vectors';
export type { NodeLoadVectorsOptions, NodeVectorSource } from './node/vector-source';
