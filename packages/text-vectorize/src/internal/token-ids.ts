import type { TextCounts } from './count-texts';

/** One counted run of texts: its token ids (local to the run) and local id → vocabulary id. */
interface Segment {
  readonly ids: Int32Array;
  readonly starts: Int32Array;
  readonly remap: Int32Array;
  /** Position of the run's first text among all the recorded texts. */
  readonly first: number;
}

/**
 * The token ids that `Tokenizer.fitOnTexts` read, text after text, so that `textsToSequences` on the
 * same texts maps ids instead of scanning the texts again. Kept as the counted runs themselves (one per
 * thread), each in its own local ids with a table to vocabulary ids, so recording costs no pass over
 * the tokens.
 */
export class TokenIds {
  private readonly segments: Segment[] = [];
  private texts = 0;

  /** Number of texts recorded. */
  get documents(): number {
    return this.texts;
  }

  /** Appends a counted run whose local id `j` is vocabulary id `remap[j]`. */
  append(run: Pick<TextCounts, 'ids' | 'starts'>, remap: Int32Array): void {
    this.segments.push({ ids: run.ids, starts: run.starts, remap, first: this.texts });
    this.texts += run.starts.length - 1;
  }

  /**
   * A function from a recorded text's position to its ids mapped through `values` (vocabulary id →
   * index, or -1 to drop), as a plain array. The composition with each run's table is built once here.
   */
  mapper(values: Int32Array): (position: number) => number[] {
    const composed = this.composed(values);
    return (position) => {
      let s = this.segments.length - 1;
      while (this.segments[s].first > position) s--;
      const { ids, starts, first } = this.segments[s];
      return mapRange(ids, starts[position - first], starts[position - first + 1], composed[s]);
    };
  }

  /**
   * Like {@link TokenIds.mapper}, but maps each text's ids in place and returns them as a view: no
   * array per text and no new buffer. It consumes the record: each position may be asked once, and the
   * caller drops this object before anything can throw.
   */
  consumer(values: Int32Array): (position: number) => Int32Array {
    const composed = this.composed(values);
    return (position) => {
      let s = this.segments.length - 1;
      while (this.segments[s].first > position) s--;
      const { ids, starts, first } = this.segments[s];
      const start = starts[position - first];
      const end = starts[position - first + 1];
      const table = composed[s];
      let k = start;
      for (let p = start; p < end; p++) {
        const v = table[ids[p]];
        if (v >= 0) ids[k++] = v;
      }
      return ids.subarray(start, k);
    };
  }

  /** Per run, local id → `values[vocabulary id]`. */
  private composed(values: Int32Array): Int32Array[] {
    return this.segments.map((segment) => {
      const table = new Int32Array(segment.remap.length);
      for (let j = 0; j < table.length; j++) table[j] = values[segment.remap[j]];
      return table;
    });
  }
}

/** `table[ids[p]]` for p in [start, end), dropping negatives. */
function mapRange(ids: Int32Array, start: number, end: number, table: Int32Array): number[] {
  // One array of the text's length, cut to what was kept: far cheaper than growing it by push.
  const out = new Array<number>(end - start);
  let k = 0;
  for (let p = start; p < end; p++) {
    const v = table[ids[p]];
    if (v >= 0) out[k++] = v;
  }
  if (k < out.length) out.length = k;
  return out;
}
