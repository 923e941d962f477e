/** Something bytes can be pulled from: a file handle or an async iterable of chunks. */
export interface ByteReader {
  /** Total size in bytes when known (files), for progress and capacity planning. */
  readonly size: number | undefined;
  /** Reads up to `length` bytes into `target` at `offset`; resolves to 0 at the end of input. */
  read(target: Uint8Array, offset: number, length: number): Promise<number>;
  /** Releases the underlying resource. */
  close(): Promise<void>;
}

const INITIAL_BYTES = 1 << 20;

/**
 * A sliding window over a byte stream: parsers consume complete records from `bytes[start..]`, then call
 * `fill()`, which moves the unconsumed tail to the front and appends fresh bytes after it. A record is
 * therefore always contiguous, and memory stays one window (plus one oversized record at most).
 */
export class ByteWindow {
  /** The valid bytes are `bytes.subarray(start)`; `bytes.length` is the fill level. */
  bytes: Uint8Array;
  /** First unconsumed byte in `bytes`. */
  start = 0;
  /** True once the reader reported the end of input. */
  eof = false;
  /** Absolute offset (in the whole input) of `bytes[0]`. */
  base = 0;
  private storage: Uint8Array;

  constructor(private readonly reader: ByteReader) {
    this.storage = new Uint8Array(INITIAL_BYTES);
    this.bytes = this.storage.subarray(0, 0);
  }

  /** Size of the whole input when known. */
  get totalBytes(): number | undefined {
    return this.reader.size;
  }

  /** Bytes consumed or buffered so far. */
  get bytesRead(): number {
    return this.base + this.bytes.length;
  }

  /**
   * Keeps the unconsumed bytes and appends more. The window doubles when the unconsumed bytes already fill
   * it (a record longer than the window); callers bound record sizes before that grows without limit.
   */
  async fill(): Promise<void> {
    if (this.eof) return;
    const kept = this.bytes.length - this.start;
    if (kept === this.storage.length) {
      const grown = new Uint8Array(this.storage.length * 2);
      grown.set(this.storage.subarray(this.start, this.bytes.length));
      this.storage = grown;
    } else if (this.start > 0) {
      this.storage.copyWithin(0, this.start, this.bytes.length);
    }
    this.base += this.start;
    this.start = 0;
    let filled = kept;
    // Fill the window completely: fewer, larger parser passes.
    while (filled < this.storage.length) {
      const n = await this.reader.read(this.storage, filled, this.storage.length - filled);
      if (n === 0) {
        this.eof = true;
        break;
      }
      filled += n;
    }
    this.bytes = this.storage.subarray(0, filled);
  }

  /** Closes the reader. */
  close(): Promise<void> {
    return this.reader.close();
  }
}
