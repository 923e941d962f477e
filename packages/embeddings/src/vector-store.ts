/**
 * Most elements allocated up front for an input of unknown size (a stream): 16 Mi floats (64 MiB). An
 * untrusted header such as `65536 1048576` must not decide an allocation; real rows grow the store.
 */
const STREAM_FIRST_ELEMENTS = 1 << 24;

/**
 * The first capacity, in rows, for an input of unknown size: at most `rows`, and at most
 * {@link STREAM_FIRST_ELEMENTS} elements.
 *
 * @example
 * streamFirstRows(65536, 1048576) // → 16
 */
export function streamFirstRows(rows: number, dim: number): number {
  return Math.max(1, Math.min(rows, Math.floor(STREAM_FIRST_ELEMENTS / dim)));
}

/** Rows of slack under which {@link VectorStore.finish} returns a view instead of copying. */
const SLACK_FRACTION = 0.05;

/**
 * The growing word list and Float32 matrix a reader fills. Capacity is planned by the reader (from the
 * header, the file size or the vocabulary) and grows by 1.5× when a plan was short, so a load peaks near
 * the final matrix rather than at twice it.
 */
export class VectorStore {
  readonly words: string[] = [];
  readonly index = new Map<string, number>();
  data: Float32Array;
  private capacity: number;

  constructor(
    readonly dim: number,
    capacity: number,
  ) {
    this.capacity = Math.max(1, Math.ceil(capacity));
    this.data = new Float32Array(this.capacity * dim);
  }

  /** Number of rows stored. */
  get rows(): number {
    return this.words.length;
  }

  /** Makes room for one more row and returns the offset where its numbers go in `data`. */
  nextRowOffset(): number {
    if (this.words.length === this.capacity) this.resize(Math.ceil(this.capacity * 1.5) + 16);
    return this.words.length * this.dim;
  }

  /** Records the word of the row just written at {@link nextRowOffset}. */
  commit(word: string): void {
    this.index.set(word, this.words.length);
    this.words.push(word);
  }

  /** Re-plans the capacity (never below the rows already stored). Cheap while few rows are stored. */
  plan(capacity: number): void {
    const target = Math.max(this.words.length, Math.ceil(capacity), 1);
    if (target !== this.capacity) this.resize(target);
  }

  /** The matrix with exactly `rows × dim` elements: a view when the slack is small, else a copy. */
  finish(): Float32Array {
    const used = this.words.length * this.dim;
    if (used === this.data.length) return this.data;
    const slack = this.capacity - this.words.length;
    if (slack <= Math.max(1, this.capacity * SLACK_FRACTION)) return this.data.subarray(0, used);
    return this.data.slice(0, used);
  }

  private resize(capacity: number): void {
    const grown = new Float32Array(capacity * this.dim);
    grown.set(this.data.subarray(0, this.words.length * this.dim));
    this.data = grown;
    this.capacity = capacity;
  }
}
