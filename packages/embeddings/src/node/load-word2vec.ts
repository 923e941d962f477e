import type { KeyedVectors } from '../keyed-vectors';
import { type LoadWord2VecOptions, loadVectors } from '../load-word2vec';
import { type NodeLoadVectorsOptions, type NodeVectorSource, openNodeVectorSource } from './vector-source';

/**
 * `loadWord2Vec` of the main entry, plus paths, `file:` URLs and the download cache.
 *
 * @example
 * const kv = await loadWord2Vec('GoogleNews-vectors-negative300.bin', { binary: true, limit: 100000 });
 * kv.mostSimilar({ positive: ['woman', 'king'], negative: ['man'], topn: 1 }); // → [{ word: 'queen', … }]
 */
export function loadWord2Vec(
  source: NodeVectorSource,
  options: LoadWord2VecOptions & NodeLoadVectorsOptions = {},
): Promise<KeyedVectors> {
  return loadVectors(
    'loadWord2Vec',
    (owner) => openNodeVectorSource(owner, source, options.download),
    options,
  );
}
