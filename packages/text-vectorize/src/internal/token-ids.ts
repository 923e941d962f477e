/** Ids per chunk: 1 Mi ids (4 MiB), so growing never copies what was already recorded. */
const CHUNK_BITS = 20;
const CHUNK = 1 << CHUNK_BITS;
const MASK = CHUNK - 1;

/**
 * An append-only stream of vocabulary ids cut into documents: what `Tokenizer.fitOnTexts` saw, so that
 * `textsToSequences` on the same texts maps ids instead of scanning the texts again. Chunked, so
 * recording 10M+ ids never reallocates.
 */
export class TokenIds {
  private readonly chunks: Int32Array[] = [new Int32Array(CHUNK)];
  private current: Int32Array = this.chunks[0];
  private used = 0;
  private total = 0;
  /** Start of each document's ids; document d is `[starts[d], starts[d + 1])`. */
  private starts: number[] = [0];

  /** Number of ids recorded. */
  get length(): number {
    return this.total;
  }

  /** Number of closed documents. */
  get documents(): number {
    return this.starts.length - 1;
  }

  push(id: number): void {
    if (this.used === CHUNK) {
      this.current = new Int32Array(CHUNK);
      this.chunks.push(this.current);
      this.used = 0;
    }
    this.current[this.used++] = id;
    this.total++;
  }

  /** Closes the current document. */
  endDocument(): void {
    this.starts.push(this.total);
  }

  /**
   * Document `d`'s ids mapped through `values` (id → index, or -1 to drop), as a plain array.
   */
  mapDocument(d: number, values: Int32Array): number[] {
    const { chunks } = this;
    const start = this.starts[d];
    const end = this.starts[d + 1];
    // One array of the document's length, cut to what was kept: far cheaper than growing it by push.
    const out = new Array<number>(end - start);
    let k = 0;
    for (let p = start; p < end; p++) {
      const v = values[chunks[p >>> CHUNK_BITS][p & MASK]];
      if (v >= 0) out[k++] = v;
    }
    if (k < out.length) out.length = k;
    return out;
  }
}
