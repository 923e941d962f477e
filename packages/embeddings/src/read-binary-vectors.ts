import type { ByteWindow } from './byte-window';
import { decodeWord } from './decode-word';
import { EmbeddingsFormatError } from './embeddings-format-error';
import { hex } from './hex';
import { KeyedVectors } from './keyed-vectors';
import type { CheckedLoadOptions } from './load-options';
import { streamFirstRows, VectorStore } from './vector-store';
import { checkDeclaredCount, MAX_WORD_BYTES, readVectorsHeader } from './vectors-header';

const SPACE = 32;
const NEWLINE = 10;
/** Rows allocated up front when the input size is unknown (a stream); more are grown as they come. */
const STREAM_FIRST_ROWS = 1 << 16;
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * Reads the word2vec C tool's binary format: a `<count> <dimension>` line, then per vector the word, a
 * space and `dimension` little-endian float32s (with or without a newline after them). gensim's
 * `_word2vec_read_binary` semantics: a word runs up to the next space, leading newlines are stripped.
 */
export async function readBinaryVectors(
  window: ByteWindow,
  owner: string,
  options: CheckedLoadOptions,
): Promise<KeyedVectors> {
  const { count, dim } = await readVectorsHeader(window, owner);
  const wanted = Math.min(count, options.limit);
  const vectorBytes = dim * 4;
  const total = window.totalBytes;
  const remaining = total === undefined ? undefined : total - (window.base + window.start);
  checkDeclaredCount(owner, count, wanted, remaining, vectorBytes + 1);
  let rows = wanted;
  if (options.vocabulary !== undefined) rows = Math.min(rows, options.vocabulary.size);
  if (remaining === undefined) rows = streamFirstRows(Math.min(rows, STREAM_FIRST_ROWS), dim);
  const store = new VectorStore(dim, rows);
  let matrixBytes = byteView(store.data);
  let entries = 0;
  while (entries < wanted) {
    const { bytes } = window;
    const end = bytes.length;
    let pos = window.start;
    while (entries < wanted) {
      let space = findSpace(bytes, pos, end);
      if (space === -1 || space + 1 + vectorBytes > end) {
        if (space === -1 ? end - pos > MAX_WORD_BYTES : space - pos > MAX_WORD_BYTES) {
          failLongWord(owner, window.base + pos);
        }
        break;
      }
      if (space - pos > MAX_WORD_BYTES) failLongWord(owner, window.base + pos);
      let wordStart = pos;
      while (wordStart < space && bytes[wordStart] === NEWLINE) wordStart++;
      const word = decodeWord(bytes, wordStart, space, options.unicodeErrors);
      if (word === undefined) failUnicode(owner, bytes, wordStart, space, window.base);
      entries++;
      space++;
      pos = space + vectorBytes;
      if (options.vocabulary !== undefined && !options.vocabulary.has(word)) continue;
      if (store.index.has(word)) {
        options.onWarning(
          `${owner}: duplicate word ${JSON.stringify(word)} at byte offset ${window.base + wordStart}; ignoring all but the first, as gensim does.`,
        );
        continue;
      }
      const offset = store.nextRowOffset();
      if (LITTLE_ENDIAN) {
        // A byte view of the matrix, renewed only when the store grows: one memcpy per vector.
        if (matrixBytes.buffer !== store.data.buffer) matrixBytes = byteView(store.data);
        matrixBytes.set(bytes.subarray(space, space + vectorBytes), offset * 4);
      } else {
        copyVectorBigEndianHost(bytes, space, store.data, offset, dim);
      }
      store.commit(word);
    }
    window.start = pos;
    options.onProgress?.({ bytesRead: window.base + pos, totalBytes: total, words: store.rows });
    if (entries >= wanted) break;
    if (window.eof) {
      throw new EmbeddingsFormatError(
        `${owner}: the file must hold ${wanted} vectors, as its header declares. Received: end of input at byte offset ${window.base + pos} after ${entries} vectors.`,
        { offset: window.base + pos },
      );
    }
    await window.fill();
  }
  return KeyedVectors.fromStore(store.words, store.finish(), dim, store.index);
}

/** First space in `bytes[pos..end)` (a plain loop: words are short, a native call costs more). */
function findSpace(bytes: Uint8Array, pos: number, end: number): number {
  const stop = Math.min(end, pos + MAX_WORD_BYTES + 1);
  for (let i = pos; i < stop; i++) if (bytes[i] === SPACE) return i;
  return stop === end ? -1 : stop;
}

function byteView(data: Float32Array): Uint8Array {
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

/** Reads little-endian float32s one by one, for the rare big-endian host. */
function copyVectorBigEndianHost(
  bytes: Uint8Array,
  start: number,
  data: Float32Array,
  offset: number,
  dim: number,
): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let k = 0; k < dim; k++) data[offset + k] = view.getFloat32(start + 4 * k, true);
}

function failLongWord(owner: string, offset: number): never {
  throw new EmbeddingsFormatError(
    `${owner}: a word must be at most ${MAX_WORD_BYTES} bytes. Received: a longer word at byte offset ${offset}.`,
    { offset },
  );
}

function failUnicode(owner: string, bytes: Uint8Array, start: number, end: number, base: number): never {
  throw new EmbeddingsFormatError(
    `${owner}: the word at byte offset ${base + start} must be valid UTF-8 (or pass unicodeErrors: 'replace' | 'ignore'). Received: bytes ${hex(bytes.subarray(start, Math.min(end, start + 40)))}.`,
    { offset: base + start },
  );
}
