import { type ByteReader, ByteWindow } from './byte-window';
import type { KeyedVectors } from './keyed-vectors';
import { checkLoadOptions, type LoadVectorsOptions } from './load-options';
import { readBinaryVectors } from './read-binary-vectors';
import { readTextVectors } from './read-text-vectors';
import { openVectorSource, type VectorSource } from './vector-source';

/** Options of {@link loadWord2Vec}. */
export interface LoadWord2VecOptions extends LoadVectorsOptions {
  /** The C tool's binary format instead of its text format. @defaultValue false */
  binary?: boolean;
  /** Text without the `<count> <dimension>` line (the GloVe layout; gensim's `no_header`). @defaultValue false */
  noHeader?: boolean;
}

/**
 * Reads word vectors in the word2vec C tool's text or binary format, streaming, with gensim's
 * `KeyedVectors.load_word2vec_format` semantics (duplicates keep the first, with a warning; `limit`
 * reads the first entries; a short file is an error).
 *
 * @param source - bytes, a `Blob`/`File`, a `Response`, a stream, an http(s) URL or a `{ zip, member }`
 * (paths in `@tensorseq/embeddings/node`).
 * @throws EmbeddingsFormatError naming the line or byte offset of malformed input.
 * @example
 * const kv = await loadWord2Vec(await fetch('/GoogleNews-vectors-negative300.bin'), { binary: true, limit: 100000 });
 * kv.mostSimilar({ positive: ['woman', 'king'], negative: ['man'], topn: 1 }); // → [{ word: 'queen', … }]
 */
export async function loadWord2Vec(
  source: VectorSource,
  options: LoadWord2VecOptions = {},
): Promise<KeyedVectors> {
  return loadVectors('loadWord2Vec', (owner) => openVectorSource(owner, source), options);
}

/**
 * Shared body of the readers of both entries: checks the options, then opens the source and parses it.
 *
 * @example
 * await loadVectors('loadGlove', (owner) => openVectorSource(owner, bytes), { noHeader: true });
 */
export async function loadVectors(
  owner: string,
  openSource: (owner: string) => Promise<ByteReader>,
  options: LoadWord2VecOptions,
): Promise<KeyedVectors> {
  const { binary = false, noHeader = false } = options;
  if (binary && noHeader) {
    throw new TypeError(`${owner}: noHeader must be false for the binary format. Received: noHeader=true.`);
  }
  const checked = checkLoadOptions(owner, options);
  const window = new ByteWindow(await openSource(owner));
  try {
    await window.fill();
    return binary
      ? await readBinaryVectors(window, owner, checked)
      : await readTextVectors(window, owner, checked, { header: !noHeader });
  } finally {
    await window.close();
  }
}
