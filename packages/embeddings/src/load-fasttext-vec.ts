import type { KeyedVectors } from './keyed-vectors';
import type { LoadVectorsOptions } from './load-options';
import { loadVectors } from './load-word2vec';
import { openVectorSource, type VectorSource } from './vector-source';

/**
 * Reads fastText's `.vec` files (word2vec text with a `<count> <dimension>` header and a trailing space on
 * each line), streaming. Published .vec files may hold tokens that are not valid UTF-8: pass
 * `unicodeErrors: 'replace'` or `'ignore'` to load them anyway.
 *
 * @throws EmbeddingsFormatError naming the line of malformed input.
 * @example
 * const kv = await loadFastTextVec(fileInput.files[0], { limit: 50000, unicodeErrors: 'replace' });
 * kv.size; // → 50000
 */
export function loadFastTextVec(
  source: VectorSource,
  options: LoadVectorsOptions = {},
): Promise<KeyedVectors> {
  return loadVectors('loadFastTextVec', (owner) => openVectorSource(owner, source), {
    ...options,
    binary: false,
    noHeader: false,
  });
}
