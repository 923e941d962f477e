import { Vocabulary } from './vocabulary';
import type { WordCounts } from './word-counts';

/** A scanning-friendly word → index table: `index[lookup id]`. */
export interface LookupTable {
  readonly lookup: Vocabulary;
  readonly index: ArrayLike<number>;
}

/**
 * Keras' `word_index` / `index_word` as one immutable snapshot: ranked from the counts at the end of a
 * fit, or loaded as-is by `fromJSON` (it need not follow `word_counts` then). A Tokenizer replaces the
 * snapshot on every fit, so everything derived from it (the Maps, the table of kept words) is cached
 * here and never reset by hand.
 */
export class WordIndex {
  private mapView: Map<string, number> | undefined;
  private inverseView: Map<number, string> | undefined;
  private kept: { numWords: number; table: LookupTable } | undefined;

  private constructor(
    private readonly oovToken: string | null,
    /** The counts this index ranks (undefined for a loaded index). */
    private readonly counts: WordCounts | undefined,
    /** Counted id → index, and the counted ids in index order (ranked indexes only). */
    private readonly ranked: Int32Array | undefined,
    private readonly order: Int32Array | undefined,
    /** A loaded index as a lookup table. */
    private readonly explicit: LookupTable | undefined,
  ) {}

  /**
   * Keras' end of `fit_on_texts`: stable sort by count, oov first; an oov token that also occurs in the
   * texts keeps its frequency rank (Python's `dict(zip(...))` lets the later entry win).
   */
  static ranked(counts: WordCounts, oovToken: string | null): WordIndex {
    const order = counts.rankOrder();
    const first = oovToken === null ? 1 : 2;
    const ranked = new Int32Array(order.length);
    for (let position = 0; position < order.length; position++) ranked[order[position]] = position + first;
    return new WordIndex(oovToken, counts, ranked, order, undefined);
  }

  /** An index loaded from Keras' JSON: `wordIndex` and `indexWord` exactly as stored. */
  static loaded(
    oovToken: string | null,
    wordIndex: ReadonlyMap<string, number>,
    indexWord: ReadonlyMap<number, string>,
  ): WordIndex {
    const lookup = new Vocabulary();
    const index: number[] = [];
    for (const [word, i] of wordIndex) index[lookup.add(word)] = i;
    const loaded = new WordIndex(oovToken, undefined, undefined, undefined, { lookup, index });
    loaded.mapView = new Map(wordIndex);
    loaded.inverseView = new Map(indexWord);
    return loaded;
  }

  /** An empty index (before any fit). */
  static empty(oovToken: string | null): WordIndex {
    return new WordIndex(oovToken, undefined, undefined, undefined, undefined);
  }

  /** Whether any word has an index (a fit ran, or an index was loaded). */
  get fitted(): boolean {
    return this.ranked !== undefined || this.explicit !== undefined;
  }

  /** Word → index (Keras' `word_index`). */
  get map(): ReadonlyMap<string, number> {
    if (this.mapView === undefined) {
      const map = new Map<string, number>();
      const { ranked, order, counts } = this;
      if (ranked !== undefined && order !== undefined && counts !== undefined) {
        if (this.oovToken !== null) map.set(this.oovToken, 1);
        for (const id of order) map.set(counts.vocabulary.words[id], ranked[id]);
      }
      this.mapView = map;
    }
    return this.mapView;
  }

  /** Index → word (Keras' `index_word`). */
  get inverse(): ReadonlyMap<number, string> {
    if (this.inverseView === undefined) {
      const out = new Map<number, string>();
      for (const [word, index] of this.map) out.set(index, word);
      this.inverseView = out;
    }
    return this.inverseView;
  }

  /** `len(word_index)` without building the Map. */
  get size(): number {
    const { ranked, counts } = this;
    if (ranked === undefined || counts === undefined) return this.map.size;
    const extra = this.oovToken !== null && counts.vocabulary.find(this.oovToken) < 0 ? 1 : 0;
    return ranked.length + extra;
  }

  /** Keras' `word_index.get(oov_token)`. */
  oovIndex(): number | undefined {
    if (this.oovToken === null) return undefined;
    const { ranked, counts } = this;
    if (ranked === undefined || counts === undefined) return this.map.get(this.oovToken);
    const id = counts.vocabulary.find(this.oovToken);
    return id >= 0 ? ranked[id] : 1;
  }

  /** Calls `visit(index, documents)` for every ranked word (Keras rebuilding `index_docs`). */
  forEachDocuments(visit: (index: number, documents: number) => void): void {
    const { ranked, counts } = this;
    if (ranked === undefined || counts === undefined) return;
    for (let id = 0; id < ranked.length; id++) visit(ranked[id], counts.documents(id));
  }

  /**
   * The lookup table for transforms, or undefined before any fit. With `numWords`, indices ≥ numWords
   * behave exactly like unknown words, so a table of the kept words alone gives the same results: it
   * is small enough to stay in the CPU cache (10,000 words instead of the 100,000+ a corpus counts).
   */
  table(numWords: number | null): LookupTable | undefined {
    const full =
      this.explicit ??
      (this.ranked === undefined || this.counts === undefined
        ? undefined
        : { lookup: this.counts.vocabulary, index: this.ranked });
    if (full === undefined || numWords === null || full.lookup.size < 2 * numWords) return full;
    if (this.kept?.numWords !== numWords) {
      const lookup = new Vocabulary();
      const index: number[] = [];
      full.lookup.words.forEach((word, id) => {
        if (full.index[id] < numWords) index[lookup.add(word)] = full.index[id];
      });
      this.kept = { numWords, table: { lookup, index } };
    }
    return this.kept.table;
  }

  /**
   * What a transform emits for each counted word id, -1 for "drop": the index when below `limit`, else
   * `oov`. Only for a ranked index (the ids of a fit's token stream); undefined for a loaded one.
   */
  idValues(limit: number, oov: number): Int32Array | undefined {
    const { ranked } = this;
    if (ranked === undefined) return undefined;
    const values = new Int32Array(ranked.length);
    for (let id = 0; id < ranked.length; id++) values[id] = ranked[id] < limit ? ranked[id] : oov;
    return values;
  }
}
