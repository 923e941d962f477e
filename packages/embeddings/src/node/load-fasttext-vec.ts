import type { KeyedVectors } from '../keyed-vectors';
import { loadVectors } from '../load-word2vec';
import { type NodeLoadVectorsOptions, type NodeVectorSource, openNodeVectorSource } from './vector-source';

/**
 * `loadFastTextVec` of the main entry, plus paths, `file:` URLs and the download cache.
 *
 * @example
 * const kv = await loadFastTextVec('wiki-news-300d-1M.vec', { limit: 50000, unicodeErrors: 'replace' });
 * kv.size; // → 50000
 */
export function loadFastTextVec(
  source: NodeVectorSource,
  options: NodeLoadVectorsOptions = {},
): Promise<KeyedVectors> {
  return loadVectors('loadFastTextVec', (owner) => openNodeVectorSource(owner, source, options.download), {
    ...options,
    binary: false,
    noHeader: false,
  });
}
