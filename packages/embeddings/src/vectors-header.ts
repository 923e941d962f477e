import type { ByteWindow } from './byte-window';
import { EmbeddingsFormatError } from './embeddings-format-error';
import { latin1 } from './parse-float';

/** The `<count> <dimension>` first line of the word2vec C tool's formats (and fastText's .vec). */
export interface VectorsHeader {
  count: number;
  dim: number;
}

/** Longest accepted word, in bytes: beyond it a file is taken as malformed rather than buffered. */
export const MAX_WORD_BYTES = 1 << 20;
/** Largest accepted dimension: far above any published embedding, small enough to bound a record. */
export const MAX_DIM = 1 << 20;
const MAX_HEADER_BYTES = 1024;

/** Reads and checks the header line, consuming it from the window. */
export async function readVectorsHeader(window: ByteWindow, owner: string): Promise<VectorsHeader> {
  let newline = window.bytes.indexOf(10, window.start);
  while (newline === -1 && !window.eof && window.bytes.length - window.start <= MAX_HEADER_BYTES) {
    await window.fill();
    newline = window.bytes.indexOf(10, window.start);
  }
  const end = newline === -1 ? Math.min(window.bytes.length, window.start + MAX_HEADER_BYTES) : newline;
  const text = latin1(window.bytes, window.start, end);
  const match = /^\s*(\d+)\s+(\d+)\s*$/.exec(text);
  const count = match ? Number(match[1]) : Number.NaN;
  const dim = match ? Number(match[2]) : Number.NaN;
  if (newline === -1 || !Number.isSafeInteger(count) || !(dim >= 1 && dim <= MAX_DIM)) {
    const shown = text.length > 60 ? `${text.slice(0, 60)}…` : text;
    throw new EmbeddingsFormatError(
      `${owner}: line 1 must be the header "<count> <dimension>" (dimension 1 to ${MAX_DIM}). Received: header=${JSON.stringify(shown)}.`,
      { line: 1, offset: 0 },
    );
  }
  window.start = newline + 1;
  return { count, dim };
}

/**
 * Checks a header's count against the file size before anything is allocated from it: a file of `bytes`
 * bytes holds at most `bytes / minEntryBytes` entries.
 */
export function checkDeclaredCount(
  owner: string,
  declared: number,
  wanted: number,
  remainingBytes: number | undefined,
  minEntryBytes: number,
): void {
  if (remainingBytes === undefined) return;
  const possible = Math.floor((remainingBytes + 1) / minEntryBytes);
  if (wanted > possible) {
    throw new EmbeddingsFormatError(
      `${owner}: the header's count must fit the file (${remainingBytes} bytes after line 1 hold at most ${possible} vectors). Received: count=${declared}.`,
      { line: 1, offset: 0 },
    );
  }
}
