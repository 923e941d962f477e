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
}

const BLOCK_ROWS = 16_384;
const NEWLINE = 10;
const CR = 13;
const COMMA = 44;

/**
 * Parses Jena climate CSV bytes (the Keras file, any column subset of it, or the raw MPI station files:
 * UTF-8 or Latin-1, LF or CRLF) into Float32 columns, streaming: chunks are parsed byte by byte as they
 * arrive, rows go into fixed-size blocks, and the result is assembled once at the end, so the peak memory
 * is about twice the Float32 result.
 *
 * @param chunks - the file's bytes, in order (a stream or an array of Buffers).
 * @param options - `fileName` for messages, optional `columns`.
 * @returns the kept columns, timestamps and values.
 * @throws Error naming the file, line and expectation for an empty file, a bad header, a row with the
 * wrong number of fields, a non-numeric value, a malformed date or an unknown column.
 * @example
 * const parsed = await parseJenaCsv([Buffer.from('"Date Time","T (degC)"\n01.01.2009 00:10:00,-8.02\n')], { fileName: 'x.csv' });
 * parsed.values // → Float32Array [-8.02]
 */
export async function parseJenaCsv(
  chunks: AsyncIterable<Buffer> | Iterable<Buffer>,
  options: ParseJenaCsvOptions,
): Promise<ParsedJenaCsv> {
  const parser = new JenaCsvParser(options);
  let carry: Buffer | undefined;
  for await (const chunk of chunks) {
    const buf = carry ? Buffer.concat([carry, chunk]) : chunk;
    const consumed = parser.parseLines(buf, false);
    carry = consumed < buf.length ? Buffer.from(buf.subarray(consumed)) : undefined;
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
  private inBlock = BLOCK_ROWS;
  private rows = 0;
  private pos = 0;

  constructor(options: ParseJenaCsvOptions) {
    this.fileName = options.fileName;
    this.wanted = options.columns;
  }

  /** Parses every complete line of `buf` (the last one too when `final`); returns the bytes consumed. */
  parseLines(buf: Buffer, final: boolean): number {
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
    const values = new Float32Array(this.rows * this.width);
    const timestamps = new Float64Array(this.rows);
    for (let b = 0; b < this.blocks.length; b++) {
      const rowsHere = Math.min(BLOCK_ROWS, this.rows - b * BLOCK_ROWS);
      values.set(this.blocks[b].subarray(0, rowsHere * this.width), b * BLOCK_ROWS * this.width);
      timestamps.set(this.timeBlocks[b].subarray(0, rowsHere), b * BLOCK_ROWS);
      // Release each block as soon as it is copied, to keep the peak near 2× the result.
      this.blocks[b] = new Float32Array(0);
    }
    const columns = this.keptColumns();
    return { columns, timestamps, values, rows: this.rows };
  }

  private keptColumns(): string[] {
    const names: string[] = new Array(this.width);
    const header = this.header ?? [];
    for (let f = 0; f < this.target.length; f++)
      if (this.target[f] >= 0) names[this.target[f]] = header[f + 1];
    return names;
  }

  private readHeader(buf: Buffer, start: number, end: number): void {
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
      this.target[f] = out;
    });
    this.width = this.wanted.length;
  }

  private readRow(buf: Buffer, start: number, end: number): void {
    if (this.inBlock === BLOCK_ROWS) {
      this.block = new Float32Array(BLOCK_ROWS * this.width);
      this.timeBlock = new Float64Array(BLOCK_ROWS);
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
  private readDate(buf: Buffer, start: number, end: number): number {
    const d = (i: number) => buf[start + i] - 48;
    const ok =
      end - start >= 19 &&
      buf[start + 2] === 46 &&
      buf[start + 5] === 46 &&
      buf[start + 10] === 32 &&
      buf[start + 13] === 58 &&
      buf[start + 16] === 58;
    const day = d(0) * 10 + d(1);
    const month = d(3) * 10 + d(4);
    const year = d(6) * 1000 + d(7) * 100 + d(8) * 10 + d(9);
    const hour = d(11) * 10 + d(12);
    const minute = d(14) * 10 + d(15);
    const second = d(17) * 10 + d(18);
    const digitsOk = [0, 1, 3, 4, 6, 7, 8, 9, 11, 12, 14, 15, 17, 18].every((i) => d(i) >= 0 && d(i) <= 9);
    if (
      !ok ||
      !digitsOk ||
      month < 1 ||
      month > 12 ||
      day < 1 ||
      day > 31 ||
      hour > 23 ||
      minute > 59 ||
      second > 60
    ) {
      const shown = buf.toString('latin1', start, Math.min(end, start + 40)).split(',')[0];
      throw new Error(
        `loadJena: Date Time must be "dd.mm.yyyy HH:MM:SS". Received: "${shown}" at ${this.fileName}:${this.line}.`,
      );
    }
    this.pos = start + 19;
    return Date.UTC(year, month - 1, day, hour, minute, second);
  }

  /** A decimal number (sign, digits, point, exponent) starting at `p`; NaN when malformed. Sets `pos`. */
  private readNumber(buf: Buffer, p: number, end: number): number {
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
    const value = power >= 0 ? mantissa * 10 ** power : mantissa / 10 ** -power;
    return negative ? -value : value;
  }

  private fieldCountError(buf: Buffer, start: number, end: number): never {
    let count = 1;
    for (let i = start; i < end; i++) if (buf[i] === COMMA) count++;
    throw new Error(
      `loadJena: every row must have ${this.target.length + 1} fields like the header. Received: ${count} fields at ${this.fileName}:${this.line}.`,
    );
  }

  private numberError(buf: Buffer, p: number, end: number, field: number): never {
    const stop = buf.indexOf(COMMA, p);
    const text = buf.toString('latin1', p, stop === -1 || stop > end ? end : stop);
    const column = (this.header ?? [])[field + 1];
    throw new Error(
      `loadJena: every value must be a number. Received: "${text}" in column "${column}" at ${this.fileName}:${this.line}.`,
    );
  }
}

/** Header bytes as UTF-8 when valid, else Latin-1 (the raw MPI files write `°`, `²`, `µ` in Latin-1). */
function decodeHeader(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return bytes.toString('latin1');
  }
}

/** `'T (degC)'` → `'T'`. */
function shortName(column: string): string {
  const paren = column.indexOf(' (');
  return paren === -1 ? column : column.slice(0, paren);
}
