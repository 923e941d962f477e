// The main entry's exports, with the readers that take paths in place of their universal namesakes.
export * from './index';
export { getWordIndex, type NodeGetWordIndexOptions } from './node/get-word-index';
export { loadImdb, type NodeLoadImdbOptions } from './node/load-imdb';
export { loadImdbText, type NodeLoadImdbTextOptions } from './node/load-imdb-text';
