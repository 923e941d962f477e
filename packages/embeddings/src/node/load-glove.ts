import { resolveDataFile } from '@tensorseq/download/node';
import type { KeyedVectors } from '../keyed-vectors';
import {
  GLOVE_6B_SHA256,
  GLOVE_6B_URL,
  GLOVE_DIMS,
  type GloveRelease,
  isRelease,
  loadGloveFrom,
} from '../load-glove';
import { type NodeLoadVectorsOptions, type NodeVectorSource, openNodeVectorSource } from './vector-source';

/**
 * `loadGlove` of the main entry, plus paths, the download cache and `{ dims }`: `glove.6B.<dims>d.txt`
 * read straight out of `glove.6B.zip`, found in `$TENSORSEQ_DATA` (the zip, or the extracted .txt), in
 * the cache, or downloaded once from `GLOVE_6B_URL` (822 MB, sha256-checked).
 *
 * @param source - `{ dims }`, a path (e.g. `glove.6B.100d.txt`), a URL, a `{ zip, member }` or a stream.
 * @throws EmbeddingsFormatError naming the line of malformed input.
 * @example
 * const kv = await loadGlove({ dims: 100 }, { vocabulary: tokenizer.wordIndex.keys() });
 * kv.dim; // → 100
 */
export async function loadGlove(
  source: NodeVectorSource | GloveRelease,
  options: NodeLoadVectorsOptions = {},
): Promise<KeyedVectors> {
  const resolved = isRelease(source) ? await resolveRelease(source, options) : source;
  return loadGloveFrom((owner) => openNodeVectorSource(owner, resolved, options.download), options);
}

async function resolveRelease(
  { dims }: GloveRelease,
  options: NodeLoadVectorsOptions,
): Promise<NodeVectorSource> {
  if (!GLOVE_DIMS.includes(dims)) {
    throw new RangeError(`loadGlove: dims must be 50, 100, 200 or 300. Received: dims=${dims}.`);
  }
  const member = `glove.6B.${dims}d.txt`;
  const path = await resolveDataFile('glove.6B.zip', {
    url: GLOVE_6B_URL,
    sha256: GLOVE_6B_SHA256,
    alternatives: [{ fileName: member }],
    cacheDir: options.download?.cacheDir,
    onProgress: options.download?.onProgress,
    signal: options.download?.signal,
    onWarning: options.onWarning,
  });
  return path.endsWith('.txt') ? path : { zip: path, member };
}
