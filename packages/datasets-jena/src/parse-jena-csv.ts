/** What {@link parseJenaCsv} returns: the numeric columns and the parsed `Date Time` column. */
export interface ParsedJenaCsv {
  /** Names of the kept feature columns, in output order. */
  columns: string[];
  /** Milliseconds since 1970-01-01 of each row's `Date Time`, read as UTC (the station's local clock). */
  timestamps: Float64Array;
  /** Row-major values, `rows × columns.length`. */
  values: Float32Array;
  rows: number;
}

/** Options of {@link parseJenaCsv}. */
export interface ParseJenaCsvOptions {
  /** File name used in error messages. */
  fileName: string;
  /** Keep only these columns (full header names like `'T (degC)'`, or their short form `'T'`). */
  columns?: string[];
  /**
   * Size of the whole CSV in bytes, when known: the row count is then estimated from the first chunk and
   * the result allocated once (no final copy), keeping the peak near the result's size.
   */
  totalBytes?: number;
}

const BLOCK_ROWS = 16_384;
const NEWLINE = 10;
const CR = 13;
const COMMA = 44;

/**
 * Parses Jena climate CSV bytes (the Keras file, any column subset of it, or the raw MPI station files:
 * UTF-8 or Latin-1, LF, CRLF or CR-only line ends) into Float32 columns, streaming: chunks are parsed byte by byte as they
 * arrive. With `totalBytes`, rows go straight into one array sized from the first chunk's line lengths;
 * otherwise (or past the estimate) into fixed-size blocks joined once at the end, so the peak memory is
 * about the result's size, at most twice it.
 *
 * @param chunks - the file's bytes, in order (a stream or an array of `Uint8Array`s).
 * @param options - `fileName` for messages, optional `columns`.
 * @returns the kept columns, timestamps and values.
 * @throws Error naming the file, line and expectation for an empty file, a bad header, a row with the
 * wrong number of fields, a non-numeric value, a malformed date or an unknown column.
 * @example
 * const parsed = await parseJenaCsv([new TextEncoder().encode('"Date Time","T (degC)"\n01.01.2009 00:10:00,-8.02\n')], { fileName: 'x.csv' });
 * parsed.values // → Float32Array [-8.02]
 */
export async function parseJenaCsv(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  options: ParseJenaCsvOptions,
): Promise<ParsedJenaCsv> {
  const parser = new JenaCsvParser(options);
  let carry: Uint8Array | undefined;
  let first = true;
  let crOnly: boolean | undefined;
  for await (const raw of chunks) {
    if (crOnly === undefined) {
      // Until the first line end is seen, every byte is still in `carry`: convert it too when needed.
      crOnly = crOnlyLineEnds(raw, carry);
      if (crOnly && carry !== undefined) carry = crToLf(carry);
    }
    // Old Mac files end lines with a bare CR: read them as LF (a copy, only for such files).
    const chunk = crOnly ? crToLf(raw) : raw;
    if (first && options.totalBytes !== undefined) parser.estimateRows(chunk, options.totalBytes);
    first = false;
    let buf: Uint8Array = chunk;
    if (carry !== undefined) {
      // Join only the line split across chunks, not the whole chunk: no per-chunk copy, little garbage.
      const nl = chunk.indexOf(NEWLINE);
      if (nl === -1) {
        carry = concat(carry, chunk);
        continue;
      }
      parser.parseLines(concat(carry, chunk.subarray(0, nl + 1)), false);
      buf = chunk.subarray(nl + 1);
    }
    const consumed = parser.parseLines(buf, false);
    carry = consumed < buf.length ? buf.slice(consumed) : undefined;
  }
  if (carry) parser.parseLines(carry, true);
  return parser.finish();
}

class JenaCsvParser {
  private readonly fileName: string;
  private readonly wanted: string[] | undefined;
  private line = 0;
  private header: string[] | undefined;
  /** For each numeric field of a row (after Date Time): its output column, or -1 to skip. */
  private target = new Int32Array(0);
  private width = 0;
  private blocks: Float32Array[] = [];
  private timeBlocks: Float64Array[] = [];
  private block = new Float32Array(0);
  private timeBlock = new Float64Array(0);
  /** Rows in the current block, and its capacity (the first block may be the whole estimate). */
  private inBlock = 0;
  private blockRows = 0;
  private firstBlockRows = BLOCK_ROWS;
  private rows = 0;
  private pos = 0;
  private lastDayKey = -1;
  private lastDayMs = 0;

  constructor(options: ParseJenaCsvOptions) {
    this.fileName = options.fileName;
    this.wanted = options.columns;
  }

  /** Sizes the first block from the average line length of the first chunk (plus 2% headroom). */
  estimateRows(firstChunk: Uint8Array, totalBytes: number): void {
    if (this.rows > 0 || this.blocks.length > 0) return;
    let lines = 0;
    for (let i = firstChunk.indexOf(NEWLINE); i !== -1; i = firstChunk.indexOf(NEWLINE, i + 1)) lines++;
    if (lines < 2) return;
    const estimate = Math.ceil((totalBytes / (firstChunk.length / lines)) * 1.02) + 16;
    this.firstBlockRows = Math.max(BLOCK_ROWS, estimate);
  }

  /** Parses every complete line of `buf` (the last one too when `final`); returns the bytes consumed. */
  parseLines(buf: Uint8Array, final: boolean): number {
    let start = 0;
    for (;;) {
      let nl = buf.indexOf(NEWLINE, start);
      if (nl === -1) {
        if (!final || start >= buf.length) return start;
        nl = buf.length;
      }
      this.line++;
      const end = nl > start && buf[nl - 1] === CR ? nl - 1 : nl;
      if (end > start) {
        if (this.header === undefined) this.readHeader(buf, start, end);
        else this.readRow(buf, start, end);
      }
      start = nl + 1;
      if (start >= buf.length) return buf.length;
    }
  }

  finish(): ParsedJenaCsv {
    if (this.header === undefined || this.rows === 0) {
      throw new Error(
        `loadJena: source must hold a header and at least one row. Received: ${this.header ? 'a header only' : 'an empty file'} in ${this.fileName}.`,
      );
    }
    const columns = this.keptColumns();
    const rows = this.rows;
    const width = this.width;
    if (this.blocks.length === 1 && this.blockRows - rows <= this.blockRows * 0.05) {
      // One well-sized block: hand out a view of it rather than copying (≤ 5% slack stays attached).
      return {
        columns,
        rows,
        values: this.blocks[0].subarray(0, rows * width),
        timestamps: this.timeBlocks[0].subarray(0, rows),
      };
    }
    const values = new Float32Array(rows * width);
    const timestamps = new Float64Array(rows);
    let at = 0;
    for (let b = 0; b < this.blocks.length; b++) {
      const rowsHere = Math.min(this.timeBlocks[b].length, rows - at);
      values.set(this.blocks[b].subarray(0, rowsHere * width), at * width);
      timestamps.set(this.timeBlocks[b].subarray(0, rowsHere), at);
      at += rowsHere;
    }
    return { columns, timestamps, values, rows };
  }

  private keptColumns(): string[] {
    const names: string[] = new Array(this.width);
    const header = this.header ?? [];
    for (let f = 0; f < this.target.length; f++)
      if (this.target[f] >= 0) names[this.target[f]] = header[f + 1];
    return names;
  }

  private readHeader(buf: Uint8Array, start: number, end: number): void {
    const text = decodeHeader(buf.subarray(start, end));
    const header = text.split(',').map((f) => f.trim().replace(/^"(.*)"$/, '$1'));
    if (header[0].toLowerCase() !== 'date time') {
      throw new Error(
        `loadJena: the first column must be "Date Time". Received: "${header[0]}" at ${this.fileName}:${this.line}.`,
      );
    }
    this.header = header;
    const features = header.slice(1);
    this.target = new Int32Array(features.length).fill(-1);
    if (this.wanted === undefined) {
      features.forEach((_name, f) => {
        this.target[f] = f;
      });
      this.width = features.length;
      return;
    }
    this.wanted.forEach((name, out) => {
      const f = features.findIndex((c) => c === name || shortName(c) === name);
      if (f === -1) {
        throw new Error(
          `loadJena: columns must name columns of ${this.fileName} (${features.join(', ')}). Received: columns=${JSON.stringify(this.wanted)} (unknown "${name}").`,
        );
      }
      if (this.target[f] !== -1) {
        // Two names for one column would leave one output column unfilled (all zeros): refuse.
        throw new Error(
          `loadJena: columns must name each column once. Received: columns=${JSON.stringify(this.wanted)} ("${name}" repeats "${features[f]}").`,
        );
      }
      this.target[f] = out;
    });
    this.width = this.wanted.length;
  }

  private readRow(buf: Uint8Array, start: number, end: number): void {
    if (this.inBlock === this.blockRows) {
      this.blockRows = this.blocks.length === 0 ? this.firstBlockRows : BLOCK_ROWS;
      this.block = new Float32Array(this.blockRows * this.width);
      this.timeBlock = new Float64Array(this.blockRows);
      this.blocks.push(this.block);
      this.timeBlocks.push(this.timeBlock);
      this.inBlock = 0;
    }
    this.timeBlock[this.inBlock] = this.readDate(buf, start, end);
    const base = this.inBlock * this.width;
    const fields = this.target.length;
    let p = this.pos;
    for (let f = 0; f < fields; f++) {
      if (p >= end || buf[p] !== COMMA) this.fieldCountError(buf, start, end);
      p++;
      const value = this.readNumber(buf, p, end);
      if (Number.isNaN(value)) this.numberError(buf, p, end, f);
      p = this.pos;
      const out = this.target[f];
      if (out >= 0) this.block[base + out] = value;
    }
    if (p !== end) this.fieldCountError(buf, start, end);
    this.inBlock++;
    this.rows++;
  }

  /** `dd.mm.yyyy HH:MM:SS` → ms since epoch (UTC); sets `pos` after it. */
  private readDate(buf: Uint8Array, start: number, end: number): number {
    let ok =
      end - start >= 19 &&
      buf[start + 2] === 46 &&
      buf[start + 5] === 46 &&
      buf[start + 10] === 32 &&
      buf[start + 13] === 58 &&
      buf[start + 16] === 58;
    for (let k = 0; ok && k < 19; k++) {
      const c = buf[start + k] - 48;
      if ((c < 0 || c > 9) && DATE_SEPARATORS[k] === 0) ok = false;
    }
    const day = two(buf, start);
    const month = two(buf, start + 3);
    const year = two(buf, start + 6) * 100 + two(buf, start + 8);
    const hour = two(buf, start + 11);
    const minute = two(buf, start + 14);
    const second = two(buf, start + 17);
    if (
      !ok ||
      month < 1 ||
      month > 12 ||
      day < 1 ||
      day > daysInMonth(year, month) ||
      hour > 23 ||
      minute > 59 ||
      second > 59
    ) {
      const shown = latin1(buf, start, Math.min(end, start + 40)).split(',')[0];
      throw new Error(
        `loadJena: Date Time must be a real date and time "dd.mm.yyyy HH:MM:SS". Received: "${shown}" at ${this.fileName}:${this.line}.`,
      );
    }
    this.pos = start + 19;
    // Date.UTC is slow per call; rows of one day share the day's start.
    const dayKey = year * 10_000 + month * 100 + day;
    if (dayKey !== this.lastDayKey) {
      this.lastDayKey = dayKey;
      this.lastDayMs = Date.UTC(year, month - 1, day);
    }
    return this.lastDayMs + ((hour * 60 + minute) * 60 + second) * 1000;
  }

  /** A decimal number (sign, digits, point, exponent) starting at `p`; NaN when malformed. Sets `pos`. */
  private readNumber(buf: Uint8Array, p: number, end: number): number {
    let negative = false;
    if (buf[p] === 45 || buf[p] === 43) {
      negative = buf[p] === 45;
      p++;
    }
    let mantissa = 0;
    let digits = 0;
    let scale = 0;
    while (p < end) {
      const c = buf[p] - 48;
      if (c < 0 || c > 9) break;
      mantissa = mantissa * 10 + c;
      digits++;
      p++;
    }
    if (p < end && buf[p] === 46) {
      p++;
      while (p < end) {
        const c = buf[p] - 48;
        if (c < 0 || c > 9) break;
        mantissa = mantissa * 10 + c;
        digits++;
        scale++;
        p++;
      }
    }
    if (digits === 0) return Number.NaN;
    let exponent = 0;
    if (p < end && (buf[p] === 101 || buf[p] === 69)) {
      p++;
      let expNegative = false;
      if (buf[p] === 45 || buf[p] === 43) {
        expNegative = buf[p] === 45;
        p++;
      }
      let expDigits = 0;
      while (p < end) {
        const c = buf[p] - 48;
        if (c < 0 || c > 9) break;
        exponent = exponent * 10 + c;
        expDigits++;
        p++;
      }
      if (expDigits === 0) return Number.NaN;
      if (expNegative) exponent = -exponent;
    }
    if (p < end && buf[p] !== COMMA) return Number.NaN;
    this.pos = p;
    const power = exponent - scale;
    // Dividing by an exact power of ten rounds once, like strtod for the short numbers of these files.
    const value = power === 0 ? mantissa : power > 0 ? mantissa * pow10(power) : mantissa / pow10(-power);
    return negative ? -value : value;
  }

  private fieldCountError(buf: Uint8Array, start: number, end: number): never {
    let count = 1;
    for (let i = start; i < end; i++) if (buf[i] === COMMA) count++;
    throw new Error(
      `loadJena: every row must have ${this.target.length + 1} fields like the header. Received: ${count} fields at ${this.fileName}:${this.line}.`,
    );
  }

  private numberError(buf: Uint8Array, p: number, end: number, field: number): never {
    const stop = buf.indexOf(COMMA, p);
    const text = latin1(buf, p, stop === -1 || stop > end ? end : stop);
    const column = (this.header ?? [])[field + 1];
    throw new Error(
      `loadJena: every value must be a number. Received: "${text}" in column "${column}" at ${this.fileName}:${this.line}.`,
    );
  }
}

/** 1 where `dd.mm.yyyy HH:MM:SS` has a separator, 0 where it has a digit. */
const DATE_SEPARATORS = Uint8Array.from('dd.mm.yyyy HH:MM:SS', (ch) => (/[dmyHMS]/.test(ch) ? 0 : 1));

/**
 * Whether the first line end of the input is a bare CR (classic Mac files), judged from the next chunk
 * and what came before it (`carry`); `undefined` while no line end has been seen.
 */
function crOnlyLineEnds(chunk: Uint8Array, carry: Uint8Array | undefined): boolean | undefined {
  if (chunk.length === 0) return undefined;
  if (carry !== undefined && carry[carry.length - 1] === CR) return chunk[0] !== NEWLINE;
  const cr = chunk.indexOf(CR);
  const lf = chunk.indexOf(NEWLINE);
  if (lf !== -1 && (cr === -1 || lf < cr)) return false;
  if (cr === -1) return undefined;
  return cr + 1 < chunk.length ? chunk[cr + 1] !== NEWLINE : undefined;
}

function crToLf(chunk: Uint8Array): Uint8Array {
  const out = chunk.slice();
  for (let i = out.indexOf(CR); i !== -1; i = out.indexOf(CR, i + 1)) out[i] = NEWLINE;
  return out;
}

/** Days in a month of the Gregorian calendar (31.02 or 29.02 of a common year are not dates). */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Two ASCII digits at `at` as a number (checked by the caller). */
function two(buf: Uint8Array, at: number): number {
  return (buf[at] - 48) * 10 + buf[at + 1] - 48;
}

const POW10 = Float64Array.from({ length: 23 }, (_, k) => 10 ** k);

/** Exact powers of ten up to 1e22 from a table (Math.pow is slower per call). */
function pow10(k: number): number {
  return k < POW10.length ? POW10[k] : 10 ** k;
}

/** Header bytes as UTF-8 when valid, else Latin-1 (the raw MPI files write `°`, `²`, `µ` in Latin-1). */
function decodeHeader(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return latin1(bytes, 0, bytes.length);
  }
}

/** `'T (degC)'` → `'T'`. */
function shortName(column: string): string {
  const paren = column.indexOf(' (');
  return paren === -1 ? column : column.slice(0, paren);
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** One char per byte (ISO-8859-1 exactly; TextDecoder's 'latin1' is windows-1252). */
function latin1(bytes: Uint8Array, start: number, end: number): string {
  let text = '';
  for (let at = start; at < end; at += 8192) {
    text += String.fromCharCode.apply(
      null,
      bytes.subarray(at, Math.min(end, at + 8192)) as unknown as number[],
    );
  }
  return text;
}
