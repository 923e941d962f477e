import { finishHash, HASH_SEED, hashRange, hashStep } from './string-hash';

/** Receives one token as the range `s[start:end)` with its {@link hashRange} hash. */
export type TokenSink = (s: string, start: number, end: number, hash: number) => void;

/**
 * Keras' `text_to_word_sequence` compiled for one (filters, lower, split): lower-case, turn every filter
 * character into `split`, split on `split`, drop empty strings. When `split` is one UTF-16 unit and
 * every filter is a BMP character (always the case for Keras' defaults), that is one regex-free pass
 * over the text with a character-class table, hashing each token as it goes.
 */
export class WordScanner {
  private readonly separators: Uint8Array | undefined;

  constructor(
    private readonly filters: string,
    private readonly lower: boolean,
    private readonly split: string,
  ) {
    this.separators = buildSeparatorTable(filters, split);
  }

  /** The separator table when the one-pass fast path applies, for fused loops; else undefined. */
  get fastSeparators(): Uint8Array | undefined {
    return this.separators;
  }

  /** Calls `sink` for each token of `text`, in order. */
  scan(text: string, sink: TokenSink): void {
    const s = this.lower ? text.toLowerCase() : text;
    const table = this.separators;
    if (table === undefined) {
      this.scanGeneral(s, sink);
      return;
    }
    const n = s.length;
    let start = 0;
    let h = HASH_SEED;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (table[c] === 1) {
        if (i > start) sink(s, start, i, finishHash(h, i - start));
        start = i + 1;
        h = HASH_SEED;
      } else {
        h = ((h << 5) | (h >>> 27)) ^ c; // hashStep, inlined by hand in the hottest loop
      }
    }
    if (n > start) sink(s, start, n, finishHash(h, n - start));
  }

  /** The tokens of `text` as strings. */
  words(text: string): string[] {
    const out: string[] = [];
    this.scan(text, (s, start, end) => {
      out.push(s.slice(start, end));
    });
    return out;
  }

  /** Python's `str.translate` + `str.split(sep)` literally, for multi-unit separators or astral filters. */
  private scanGeneral(s: string, sink: TokenSink): void {
    let translated = s;
    if (this.filters.length > 0) {
      const filterSet = new Set(this.filters);
      let out = '';
      for (const ch of s) out += filterSet.has(ch) ? this.split : ch;
      translated = out;
    }
    for (const token of translated.split(this.split)) {
      if (token.length > 0) sink(token, 0, token.length, hashRange(token, 0, token.length));
    }
  }
}

/** A 64 Ki-entry table marking separator code units, or undefined when the fast path does not apply. */
function buildSeparatorTable(filters: string, split: string): Uint8Array | undefined {
  if (split.length !== 1 || isSurrogate(split.charCodeAt(0))) return undefined;
  const table = new Uint8Array(0x10000);
  table[split.charCodeAt(0)] = 1;
  for (let i = 0; i < filters.length; i++) {
    const c = filters.charCodeAt(i);
    if (isSurrogate(c)) return undefined;
    table[c] = 1;
  }
  return table;
}

function isSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdfff;
}

/** Calls `sink` for each Unicode code point of `s` (Python iterates strings by code point). */
export function scanCodePoints(s: string, sink: TokenSink): void {
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    const h = hashStep(HASH_SEED, c);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        sink(s, i, i + 2, finishHash(hashStep(h, d), 2));
        i++;
        continue;
      }
    }
    sink(s, i, i + 1, finishHash(h, 1));
  }
}
