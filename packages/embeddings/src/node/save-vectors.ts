import { open } from 'node:fs/promises';
import { encodeVectors, type SaveVectorsOptions } from '../encode-vectors';
import type { KeyedVectors } from '../keyed-vectors';

/**
 * Writes `kv` to a file in the word2vec C tool's text or binary format (gensim's `save_word2vec_format`),
 * which `loadWord2Vec` and gensim read back. Replaces `kv.save(path)` of earlier versions.
 *
 * @param kv - the vectors.
 * @param path - the file to write (replaced if it exists).
 * @param options - `binary`, `header`, `lineBreaks`; see {@link SaveVectorsOptions}.
 * @example
 * await saveVectors(kv, 'vectors.bin', { binary: true });
 */
export async function saveVectors(
  kv: KeyedVectors,
  path: string,
  options: SaveVectorsOptions = {},
): Promise<void> {
  const chunks = encodeVectors(kv, options);
  // Options are checked (the generator's first step) before the file is created.
  const first = chunks.next();
  const handle = await open(path, 'w');
  try {
    for (let next = first; !next.done; next = chunks.next()) await handle.write(next.value);
  } finally {
    await handle.close();
  }
}
