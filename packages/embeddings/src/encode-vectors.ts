import { formatFloat32 } from './format-float32';
import type { KeyedVectors } from './keyed-vectors';

/**
 * Options of {@link KeyedVectors.encode} (and `saveVectors` of `@tensorseq/embeddings/node`).
 *
 * @example
 * kv.encode({ binary: true }); // gensim's binary layout
 * kv.encode({ header: false }); // GloVe's text layout
 */
export interface SaveVectorsOptions {
  /** Binary format (float32 little-endian) instead of text. @defaultValue false */
  binary?: boolean;
  /** Write the `<count> <dimension>` first line; false gives the GloVe text format. @defaultValue true */
  header?: boolean;
  /**
   * Binary only: end each vector with a newline, as the original C tool does (gensim 4 writes none;
   * both read back the same).
   * @defaultValue false
   */
  lineBreaks?: boolean;
}

/** Bytes gathered into each chunk handed out. */
const BATCH_BYTES = 1 << 22;

/**
 * `kv` in gensim's `save_word2vec_format` layout, in chunks of about 4 MiB: text lines `word v1 … vd`
 * with numpy's float32 repr (byte-identical to gensim's output), or binary `word ` + raw float32s.
 *
 * @example
 * const blob = new Blob([...encodeVectors(kv, { binary: true })]);
 */
export function* encodeVectors(kv: KeyedVectors, options: SaveVectorsOptions = {}): Generator<Uint8Array> {
  const { binary = false, header = true, lineBreaks = false } = options;
  if (lineBreaks && !binary) {
    throw new TypeError(
      'KeyedVectors.save: lineBreaks must be used with binary: true. Received: binary=false.',
    );
  }
  if (!header && binary) {
    throw new TypeError(
      'KeyedVectors.save: header must be true for the binary format. Received: header=false.',
    );
  }
  const utf8 = new TextEncoder();
  const batch = new Batch();
  if (header) batch.push(utf8.encode(`${kv.size} ${kv.dim}\n`));
  const { data } = kv.vectors;
  const dim = kv.dim;
  const newline = utf8.encode('\n');
  for (let i = 0; i < kv.size; i++) {
    const word = kv.words[i];
    if (binary) {
      const row = data.subarray(i * dim, (i + 1) * dim);
      batch.push(utf8.encode(`${word} `));
      batch.push(new Uint8Array(Float32Array.from(row).buffer));
      if (lineBreaks) batch.push(newline);
    } else {
      let line = word;
      for (let k = i * dim; k < (i + 1) * dim; k++) line += ` ${formatFloat32(data[k])}`;
      batch.push(utf8.encode(`${line}\n`));
    }
    if (batch.bytes >= BATCH_BYTES) yield batch.take();
  }
  if (batch.bytes > 0) yield batch.take();
}

/** Small parts joined into one chunk: fewer, larger writes. */
class Batch {
  private parts: Uint8Array[] = [];
  bytes = 0;

  push(part: Uint8Array): void {
    this.parts.push(part);
    this.bytes += part.length;
  }

  take(): Uint8Array {
    const out = new Uint8Array(this.bytes);
    let offset = 0;
    for (const part of this.parts) {
      out.set(part, offset);
      offset += part.length;
    }
    this.parts = [];
    this.bytes = 0;
    return out;
  }
}
