import { resolveDataFile } from '@tensorseq/download';
import type { KeyedVectors } from './keyed-vectors';
import type { LoadVectorsOptions } from './load-options';
import { loadVectors } from './load-word2vec';
import type { VectorSource } from './vector-source';

/**
 * Stanford's official archive of the glove.6B vectors (Wikipedia 2014 + Gigaword 5, 400,000 words).
 *
 * @example
 * await loadGlove({ zip: GLOVE_6B_URL, member: 'glove.6B.50d.txt' }); // downloads once, then reads the member
 */
export const GLOVE_6B_URL = 'https://nlp.stanford.edu/data/glove.6B.zip';

/**
 * sha256 of the official `glove.6B.zip` (862,182,613 bytes): enforced on the download, a warning for a
 * local copy of that name whose bytes differ.
 *
 * @example
 * await download(GLOVE_6B_URL, { sha256: GLOVE_6B_SHA256 })
 */
export const GLOVE_6B_SHA256 = '617afb2fe6cbd085c235baf7a465b96f4112bd7f7ccb2b2cbd649fed9cbcf2fb';

/**
 * One of the four glove.6B files, fetched from {@link GLOVE_6B_URL} (or found locally) on demand.
 *
 * @example
 * const release: GloveRelease = { dims: 100 }; // glove.6B.100d.txt
 */
export interface GloveRelease {
  /** Vector size: `glove.6B.<dims>d.txt` inside the archive. */
  dims: 50 | 100 | 200 | 300;
}

const GLOVE_DIMS = [50, 100, 200, 300];

/**
 * Reads GloVe vectors (text, one `word v1 … vd` line per word, no header; the dimension comes from the
 * first line), streaming: gensim's `load_word2vec_format(..., no_header=True)`.
 *
 * `{ dims }` reads `glove.6B.<dims>d.txt` straight out of `glove.6B.zip`, found in `$TENSORSEQ_DATA`
 * (the zip, or the extracted .txt), in the cache, or downloaded once from {@link GLOVE_6B_URL} (822 MB).
 *
 * @param source - `{ dims }`, a path (e.g. `glove.6B.100d.txt`), a URL, a `{ zip, member }` or a stream.
 * @throws EmbeddingsFormatError naming the line of malformed input.
 * @example
 * const kv = await loadGlove({ dims: 100 }, { vocabulary: tokenizer.wordIndex.keys() });
 * kv.dim; // → 100
 */
export async function loadGlove(
  source: VectorSource | GloveRelease,
  options: LoadVectorsOptions = {},
): Promise<KeyedVectors> {
  const resolved = isRelease(source) ? await resolveRelease(source, options) : source;
  return loadVectors('loadGlove', resolved, { ...options, binary: false, noHeader: true });
}

function isRelease(source: VectorSource | GloveRelease): source is GloveRelease {
  return typeof source === 'object' && source !== null && 'dims' in source;
}

async function resolveRelease({ dims }: GloveRelease, options: LoadVectorsOptions): Promise<VectorSource> {
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
