import type { ByteReader } from './byte-window';
import type { KeyedVectors } from './keyed-vectors';
import type { LoadVectorsOptions } from './load-options';
import { loadVectors } from './load-word2vec';
import { openVectorSource, type VectorSource } from './vector-source';

/**
 * Stanford's official archive of the glove.6B vectors (Wikipedia 2014 + Gigaword 5, 400,000 words).
 *
 * @example
 * await loadGlove({ zip: GLOVE_6B_URL, member: 'glove.6B.50d.txt' }); // ./node: downloads once, then reads the member
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

/**
 * Reads GloVe vectors (text, one `word v1 … vd` line per word, no header; the dimension comes from the
 * first line), streaming: gensim's `load_word2vec_format(..., no_header=True)`. Works in browsers and Node;
 * `@tensorseq/embeddings/node` adds paths, the download cache and `{ dims }` (the official glove.6B zip).
 *
 * @param source - bytes, a `Blob`/`File`, a `Response`, a stream, an http(s) URL or a `{ zip, member }`.
 * @throws EmbeddingsFormatError naming the line of malformed input.
 * @example
 * const kv = await loadGlove(await fetch('/glove.6B.100d.txt'), { vocabulary: tokenizer.wordIndex.keys() });
 * kv.dim; // → 100
 */
export async function loadGlove(
  source: VectorSource,
  options: LoadVectorsOptions = {},
): Promise<KeyedVectors> {
  if (isRelease(source)) {
    throw new TypeError(
      `loadGlove: source must be bytes, a Blob, a Response, a stream, an http(s) URL or a { zip, member } in the main entry. Received: source={ dims: ${(source as GloveRelease).dims} }. To fix this, import loadGlove from "@tensorseq/embeddings/node" to find or download glove.6B.zip.`,
    );
  }
  return loadGloveFrom((owner) => openVectorSource(owner, source), options);
}

/**
 * The GloVe reading shared by both entries (text, no header).
 *
 * @example
 * await loadGloveFrom((owner) => openVectorSource(owner, bytes), {});
 */
export function loadGloveFrom(
  openSource: (owner: string) => Promise<ByteReader>,
  options: LoadVectorsOptions,
): Promise<KeyedVectors> {
  return loadVectors('loadGlove', openSource, { ...options, binary: false, noHeader: true });
}

/**
 * True for a `{ dims }` release.
 *
 * @example
 * isRelease({ dims: 100 }) // → true
 */
export function isRelease(source: unknown): source is GloveRelease {
  return typeof source === 'object' && source !== null && 'dims' in source;
}

/** The sizes of glove.6B's four files. */
export const GLOVE_DIMS: readonly number[] = [50, 100, 200, 300];
