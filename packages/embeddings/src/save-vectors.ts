import { open } from 'node:fs/promises';
import { formatFloat32 } from './format-float32';
import type { KeyedVectors } from './keyed-vectors';

/**
 * Options of {@link KeyedVectors.save}.
 *
 * @example
 * await kv.save('vectors.bin', { binary: true }); // gensim's binary layout
 * await kv.save('vectors.txt', { header: false }); // GloVe's text layout
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

/** Bytes gathered before each write. */
const BATCH_BYTES = 1 << 22;

/**
 * Writes `kv` in gensim's `save_word2vec_format` layout: text lines `word v1 … vd` with numpy's float32
 * repr (byte-identical to gensim's output), or binary `word ` + raw float32s.
 */
export async function saveVectors(
  kv: KeyedVectors,
  path: string,
  options: SaveVectorsOptions,
): Promise<void> {
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
  const handle = await open(path, 'w');
  try {
    const parts: Buffer[] = [];
    let pending = 0;
    const push = async (part: Buffer) => {
      parts.push(part);
      pending += part.length;
      if (pending >= BATCH_BYTES) {
        await handle.write(Buffer.concat(parts));
        parts.length = 0;
        pending = 0;
      }
    };
    if (header) await push(Buffer.from(`${kv.size} ${kv.dim}\n`));
    const { data } = kv.vectors;
    const dim = kv.dim;
    for (let i = 0; i < kv.size; i++) {
      const word = kv.words[i];
      if (binary) {
        const row = data.subarray(i * dim, (i + 1) * dim);
        await push(Buffer.from(`${word} `));
        await push(Buffer.from(Float32Array.from(row).buffer));
        if (lineBreaks) await push(Buffer.from('\n'));
      } else {
        let line = word;
        for (let k = i * dim; k < (i + 1) * dim; k++) line += ` ${formatFloat32(data[k])}`;
        await push(Buffer.from(`${line}\n`));
      }
    }
    if (parts.length > 0) await handle.write(Buffer.concat(parts));
  } finally {
    await handle.close();
  }
}
