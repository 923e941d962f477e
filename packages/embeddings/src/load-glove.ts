import type { KeyedVectors } from './keyed-vectors';
import type { LoadVectorsOptions } from './load-options';
import { loadVectors } from './load-word2vec';
import type { VectorSource } from './vector-source';

/**
 * Reads GloVe vectors (text, one `word v1 … vd` line per word, no header; the dimension comes from the
 * first line), streaming: gensim's `load_word2vec_format(..., no_header=True)`.
 *
 * @param source - A path (e.g. `glove.6B.100d.txt`), a `file:` URL or a byte stream.
 * @throws EmbeddingsFormatError naming the line of malformed input.
 * @example
 * const kv = await loadGlove('glove.6B.100d.txt', { vocabulary: tokenizer.wordIndex.keys() });
 * kv.dim; // → 100
 */
export function loadGlove(source: VectorSource, options: LoadVectorsOptions = {}): Promise<KeyedVectors> {
  return loadVectors('loadGlove', source, { ...options, binary: false, noHeader: true });
}
