import type { ByteWindow } from './byte-window';
import { decodeWord } from './decode-word';
import { EmbeddingsFormatError } from './embeddings-format-error';
import { hex } from './hex';
import { KeyedVectors } from './keyed-vectors';
import type { CheckedLoadOptions } from './load-options';
import { isPythonFloat, latin1, parsed, parseFloatBytes } from './parse-float';
import { streamFirstRows, VectorStore } from './vector-store';
import { checkDeclaredCount, MAX_WORD_BYTES, readVectorsHeader } from './vectors-header';

const SPACE = 32;
const NEWLINE = 10;
/** Longest number token accepted when bounding a line's length (far above any real file's). */
const MAX_NUMBER_BYTES = 64;
/** Rows after which a file-size-based capacity plan is refined with the average line length. */
const REPLAN_AT = 1024;

/** Whether the text has the word2vec `<count> <dimension>` header line (GloVe files have none). */
export interface TextLayout {
  header: boolean;
}

/**
 * Reads the text format shared by GloVe (no header), the word2vec C tool and fastText (.vec):
 * one `word v1 v2 … vd` line per vector, gensim's `_word2vec_read_text` semantics.
 */
export async function readTextVectors(
  window: ByteWindow,
  owner: string,
  options: CheckedLoadOptions,
  layout: TextLayout,
): Promise<KeyedVectors> {
  const reader = new TextVectorsReader(window, owner, options);
  if (layout.header) await reader.readHeader();
  await reader.readBody();
  return reader.result();
}

/** Line-by-line parser state; the hot loop is {@link TextVectorsReader.parseLine}. */
class TextVectorsReader {
  private line = 0;
  private entries = 0;
  private maxEntries: number;
  private declared: number | undefined;
  private store: VectorStore | undefined;
  private blankLines: number[] = [];
  private replanned = false;

  constructor(
    private readonly window: ByteWindow,
    private readonly owner: string,
    private readonly options: CheckedLoadOptions,
  ) {
    this.maxEntries = options.limit;
  }

  async readHeader(): Promise<void> {
    const { count, dim } = await readVectorsHeader(this.window, this.owner);
    this.line = 1;
    this.declared = count;
    this.maxEntries = Math.min(count, this.options.limit);
    const remaining = this.remainingBytes();
    checkDeclaredCount(this.owner, count, this.maxEntries, remaining, 2 * dim);
    this.store = new VectorStore(dim, this.plannedRows(this.maxEntries, remaining === undefined, dim));
  }

  async readBody(): Promise<void> {
    for (;;) {
      this.parseLines();
      this.reportProgress();
      if (
        this.entries >= this.maxEntries ||
        (this.window.eof && this.window.start >= this.window.bytes.length)
      ) {
        break;
      }
      this.checkPendingLine();
      await this.window.fill();
    }
    if (this.declared !== undefined && this.entries < this.maxEntries) {
      throw new EmbeddingsFormatError(
        `${this.owner}: the file must hold ${this.maxEntries} vectors, as its header declares. Received: end of input after ${this.entries} vectors (line ${this.line + 1}).`,
        { line: this.line + 1, offset: this.window.bytesRead },
      );
    }
    if (this.declared !== undefined && this.entries === this.declared) await this.warnIfTrailingData();
  }

  result(): KeyedVectors {
    if (this.store === undefined && this.options.limit > 0) {
      // No header and no vector line: there is no dimension to report, and `dim 0` would hide the mistake.
      throw new EmbeddingsFormatError(
        `${this.owner}: the input must hold at least one vector line "<word> <numbers…>". Received: ${this.window.bytesRead === 0 ? 'an empty input' : `${this.line} blank line(s)`}.`,
        { line: Math.max(1, this.line), offset: 0 },
      );
    }
    const store = this.store ?? new VectorStore(0, 0);
    return KeyedVectors.fromStore(store.words, store.finish(), store.dim, store.index);
  }

  /** Parses every complete line in the window (the last, unterminated one too at end of input). */
  private parseLines(): void {
    const window = this.window;
    const bytes = window.bytes;
    const end = bytes.length;
    let pos = window.start;
    while (this.entries < this.maxEntries && pos < end) {
      let newline = bytes.indexOf(NEWLINE, pos);
      if (newline === -1) {
        if (!window.eof) break;
        newline = end;
      }
      this.line++;
      this.parseLine(bytes, pos, newline);
      pos = newline + 1;
      if (!this.replanned && (this.store?.rows ?? 0) >= REPLAN_AT) this.replan(window.base + pos);
    }
    window.start = Math.min(pos, end);
  }

  private parseLine(bytes: Uint8Array, start: number, end: number): void {
    // gensim: line.rstrip() (any ASCII whitespace, so "\r\n" and trailing spaces go), then split(" ").
    while (end > start && isAsciiSpace(bytes[end - 1])) end--;
    if (end === start) {
      this.blankLines.push(this.line);
      return;
    }
    if (this.blankLines.length > 0) this.warnBlankLines();
    this.entries++;
    let space = start;
    while (space < end && bytes[space] !== SPACE) space++;
    if (space - start > MAX_WORD_BYTES) this.failLongWord(start);
    const word = decodeWord(bytes, start, space, this.options.unicodeErrors);
    if (word === undefined) this.failUnicode(bytes, start, space);
    if (this.store === undefined) this.store = this.firstStore(bytes, start, space, end);
    const store = this.store;
    const { vocabulary } = this.options;
    if (vocabulary !== undefined && !vocabulary.has(word)) return;
    if (store.index.has(word)) {
      this.options.onWarning(
        `${this.owner}: duplicate word ${JSON.stringify(word)} on line ${this.line}; ignoring all but the first, as gensim does.`,
      );
      return;
    }
    const offset = store.nextRowOffset();
    this.parseNumbers(bytes, space + 1, end, store.data, offset, store.dim);
    store.commit(word);
  }

  /** Parses exactly `dim` space-separated numbers of `bytes[pos..end)` into `data[offset..]`. */
  private parseNumbers(
    bytes: Uint8Array,
    pos: number,
    end: number,
    data: Float32Array,
    offset: number,
    dim: number,
  ): void {
    for (let k = 0; k < dim; k++) {
      if (pos > end) this.failCount(k);
      const value = parseFloatBytes(bytes, pos, end, SPACE);
      // biome-ignore lint/suspicious/noSelfCompare: the fastest NaN test, on the hot path
      if (value !== value && !isPythonFloat(latin1(bytes, pos, parsed.end))) this.failNumber(bytes, pos, k);
      data[offset + k] = value;
      pos = parsed.end + 1;
    }
    if (pos <= end) this.failCount(dim + 1 + countByte(bytes, pos, end, SPACE));
  }

  /** GloVe has no header: the first kept line fixes the dimension, and the file size plans the capacity. */
  private firstStore(bytes: Uint8Array, start: number, space: number, end: number): VectorStore {
    let dim = 0;
    if (space < end) dim = 1 + countByte(bytes, space + 1, end, SPACE);
    if (dim === 0) this.failCount(0, 'at least 1');
    const lineBytes = end - start + 1;
    const remaining = this.remainingBytes();
    const rows = remaining === undefined ? REPLAN_AT : remaining / lineBytes + 1;
    return new VectorStore(dim, this.plannedRows(rows, remaining === undefined, dim));
  }

  /** Caps a row estimate with `limit` and the vocabulary size (and a first allocation for streams). */
  private plannedRows(rows: number, unknownSize: boolean, dim = 1): number {
    let planned = Math.min(rows * (unknownSize ? 1 : 1.02) + 16, this.options.limit);
    if (this.options.vocabulary !== undefined) planned = Math.min(planned, this.options.vocabulary.size);
    if (unknownSize) planned = streamFirstRows(Math.min(planned, 1 << 16), dim);
    return Math.max(1, planned);
  }

  /** Refines the capacity with the average line length seen so far, while a resize is still cheap. */
  private replan(consumed: number): void {
    this.replanned = true;
    const total = this.window.totalBytes;
    const store = this.store;
    if (total === undefined || store === undefined || this.declared !== undefined) return;
    const averageLine = consumed / this.line;
    const remainingLines = Math.max(0, total - consumed) / averageLine;
    const keptFraction = store.rows / this.entries;
    store.plan(this.plannedRows(store.rows + remainingLines * keptFraction, false));
  }

  private remainingBytes(): number | undefined {
    const total = this.window.totalBytes;
    return total === undefined ? undefined : total - (this.window.base + this.window.start);
  }

  /** Bounds a line still being buffered: a word over 1 MiB or a runaway line fails instead of growing. */
  private checkPendingLine(): void {
    const { bytes, start } = this.window;
    const pending = bytes.length - start;
    if (pending <= MAX_WORD_BYTES) return;
    const space = bytes.indexOf(SPACE, start);
    if (space === -1 || space - start > MAX_WORD_BYTES) this.failLongWord(start, this.line + 1);
    const dim = this.store?.dim ?? MAX_WORD_BYTES;
    if (pending > MAX_WORD_BYTES + 1 + dim * MAX_NUMBER_BYTES) {
      throw new EmbeddingsFormatError(
        `${this.owner}: line ${this.line + 1} must be at most ${MAX_WORD_BYTES + 1 + dim * MAX_NUMBER_BYTES} bytes long. Received: a longer line at byte offset ${this.window.base + start}.`,
        { line: this.line + 1, offset: this.window.base + start },
      );
    }
  }

  private async warnIfTrailingData(): Promise<void> {
    if (this.window.start >= this.window.bytes.length && !this.window.eof) await this.window.fill();
    const { bytes, start } = this.window;
    for (let i = start; i < bytes.length; i++) {
      if (!isAsciiSpace(bytes[i])) {
        this.options.onWarning(
          `${this.owner}: the header declares ${this.declared} vectors; the lines after line ${this.line} are ignored, as gensim does.`,
        );
        return;
      }
    }
  }

  private warnBlankLines(): void {
    this.options.onWarning(
      `${this.owner}: blank line${this.blankLines.length > 1 ? 's' : ''} ${this.blankLines.join(', ')} skipped.`,
    );
    this.blankLines = [];
  }

  private reportProgress(): void {
    this.options.onProgress?.({
      bytesRead: this.window.base + this.window.start,
      totalBytes: this.window.totalBytes,
      words: this.store?.rows ?? 0,
    });
  }

  private failCount(received: number, expected = String(this.store?.dim)): never {
    throw new EmbeddingsFormatError(
      `${this.owner}: line ${this.line} must hold ${expected} numbers after the word. Received: ${received} numbers.`,
      { line: this.line },
    );
  }

  private failNumber(bytes: Uint8Array, pos: number, k: number): never {
    const token = latin1(bytes, pos, Math.min(parsed.end, pos + 40));
    throw new EmbeddingsFormatError(
      `${this.owner}: line ${this.line}, number ${k + 1} must be a decimal number. Received: ${JSON.stringify(token)}.`,
      { line: this.line, offset: this.window.base + pos },
    );
  }

  private failLongWord(start: number, line = this.line): never {
    throw new EmbeddingsFormatError(
      `${this.owner}: a word must be at most ${MAX_WORD_BYTES} bytes. Received: a longer word on line ${line} (byte offset ${this.window.base + start}).`,
      { line, offset: this.window.base + start },
    );
  }

  private failUnicode(bytes: Uint8Array, start: number, end: number): never {
    throw new EmbeddingsFormatError(
      `${this.owner}: the word on line ${this.line} must be valid UTF-8 (or pass unicodeErrors: 'replace' | 'ignore'). Received: bytes ${hex(bytes.subarray(start, Math.min(end, start + 40)))}.`,
      { line: this.line, offset: this.window.base + start },
    );
  }
}

function isAsciiSpace(byte: number): boolean {
  return byte === 32 || (byte >= 9 && byte <= 13);
}

function countByte(bytes: Uint8Array, start: number, end: number, value: number): number {
  let count = 0;
  for (let i = start; i < end; i++) if (bytes[i] === value) count++;
  return count;
}
