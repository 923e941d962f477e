/**
 * Official URL of the Large Movie Review Dataset v1.0 (Maas et al., 2011).
 *
 * @example
 * await download(IMDB_URL, { sha256: IMDB_SHA256 })
 */
export const IMDB_URL = 'https://ai.stanford.edu/~amaas/data/sentiment/aclImdb_v1.tar.gz';
/**
 * Its file name under `$TENSORSEQ_DATA` and in the cache.
 *
 * @example
 * await download(IMDB_URL, { sha256: IMDB_SHA256 })
 */
export const IMDB_FILE_NAME = 'aclImdb_v1.tar.gz';
/**
 * sha256 of the official archive (84,125,825 bytes).
 *
 * @example
 * await download(IMDB_URL, { sha256: IMDB_SHA256 })
 */
export const IMDB_SHA256 = 'c40f74a18d3b61f90feba1e17730e0d38e8b97c05fde7008942e91923d1658fe';
/**
 * A trimmed copy (labeled reviews only, no `unsup/` nor `.feat`) accepted under `$TENSORSEQ_DATA`.
 *
 * @example
 * await download(IMDB_URL, { sha256: IMDB_SHA256 })
 */
export const IMDB_LABELED_FILE_NAME = 'aclImdb_labeled.tar.gz';

/**
 * Keras' word index (word → frequency rank), as `keras.datasets.imdb.get_word_index()` downloads it.
 *
 * @example
 * await download(IMDB_URL, { sha256: IMDB_SHA256 })
 */
export const WORD_INDEX_URL =
  'https://storage.googleapis.com/tensorflow/tf-keras-datasets/imdb_word_index.json';
/**
 * Its file name.
 *
 * @example
 * await download(IMDB_URL, { sha256: IMDB_SHA256 })
 */
export const WORD_INDEX_FILE_NAME = 'imdb_word_index.json';
/**
 * sha256 of Keras' `imdb_word_index.json` (88,584 words).
 *
 * @example
 * await download(IMDB_URL, { sha256: IMDB_SHA256 })
 */
export const WORD_INDEX_SHA256 = '027313fe9a320280f3bf0fac5baf58c4a683cf39a7ed9c3d3d3912bde4284cf6';
