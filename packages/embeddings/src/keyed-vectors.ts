import { encodeVectors, type SaveVectorsOptions } from './encode-vectors';
import type { NDArray } from './nd-array';
import { topK } from './top-k';

/** A query term: a word, a raw vector, or (for {@link KeyedVectors.mostSimilar}) a `[word, weight]` pair. */
export type SimilarityTerm = string | ArrayLike<number> | readonly [string, number];

/**
 * Options of {@link KeyedVectors.mostSimilar} and {@link KeyedVectors.mostSimilarCosmul}.
 *
 * @example
 * const analogy: MostSimilarOptions = { positive: ['woman', 'king'], negative: ['man'], topn: 1 };
 */
export interface MostSimilarOptions {
  /** Words (or vectors) that pull towards the result. @defaultValue [] */
  positive?: readonly SimilarityTerm[];
  /** Words (or vectors) that push away from the result. @defaultValue [] */
  negative?: readonly SimilarityTerm[];
  /** How many results; 0 returns none. @defaultValue 10 */
  topn?: number;
  /** Search only the first `restrictVocab` vectors (the most frequent words in GloVe/word2vec files). */
  restrictVocab?: number;
}

/** One result of a similarity query. */
export interface SimilarWord {
  word: string;
  /** Cosine similarity ({@link KeyedVectors.mostSimilar}) or the 3CosMul objective (…Cosmul). */
  score: number;
}

/**
 * Words and their vectors, with gensim's `KeyedVectors` queries: lookup, cosine similarity, analogies
 * (`mostSimilar`, `mostSimilarCosmul`), odd-one-out (`doesntMatch`), and saving in word2vec formats.
 *
 * @example
 * const kv = new KeyedVectors(['king', 'queen', 'man'], new Float32Array([1, 0, 0.9, 0.1, 0.2, 1]), 2);
 * kv.get('queen'); // → Float32Array [0.9, 0.1]
 * kv.mostSimilar({ positive: ['king'], topn: 1 }); // → [{ word: 'queen', score: 0.99… }]
 */
export class KeyedVectors {
  /** Vector length. */
  readonly dim: number;
  /** The matrix: row i is the vector of `words[i]`, shape `[size, dim]`. */
  readonly vectors: NDArray<Float32Array>;
  private readonly wordList: readonly string[];
  private readonly wordToIndex: ReadonlyMap<string, number>;
  private cachedNorms: Float32Array | undefined;

  /**
   * @param words - One word per row, unique.
   * @param data - Row-major `words.length × dim` values.
   * @param dim - Vector length.
   * @throws RangeError when the sizes disagree; TypeError on a repeated word.
   */
  constructor(words: readonly string[], data: Float32Array, dim: number) {
    if (!(Number.isSafeInteger(dim) && dim >= 0)) {
      throw new RangeError(`KeyedVectors: dim must be a non-negative integer. Received: dim=${dim}.`);
    }
    if (data.length !== words.length * dim) {
      throw new RangeError(
        `KeyedVectors: data must hold words.length × dim = ${words.length * dim} values. Received: data.length=${data.length}.`,
      );
    }
    const index = new Map<string, number>();
    words.forEach((word, i) => {
      if (index.has(word)) {
        throw new TypeError(`KeyedVectors: words must be unique. Received: ${JSON.stringify(word)} twice.`);
      }
      index.set(word, i);
    });
    this.dim = dim;
    this.wordList = [...words];
    this.wordToIndex = index;
    this.vectors = { data, shape: [words.length, dim] };
  }

  /** @internal Wraps a reader's output without copying or re-checking it. */
  static fromStore(
    words: string[],
    data: Float32Array,
    dim: number,
    index: ReadonlyMap<string, number>,
  ): KeyedVectors {
    const kv: KeyedVectors = Object.create(KeyedVectors.prototype);
    Object.assign(kv, {
      dim,
      wordList: words,
      wordToIndex: index,
      vectors: { data, shape: [words.length, dim] },
    });
    return kv;
  }

  /** Number of words. */
  get size(): number {
    return this.wordList.length;
  }

  /** The words, in file order (gensim's `index_to_key`). */
  get words(): readonly string[] {
    return this.wordList;
  }

  /** Whether `word` has a vector. */
  has(word: string): boolean {
    return this.wordToIndex.has(word);
  }

  /** Row of `word`, or -1. */
  getIndex(word: string): number {
    return this.wordToIndex.get(word) ?? -1;
  }

  /** The vector of `word` as a view into {@link vectors} (writing to it changes the model), or undefined. */
  get(word: string): Float32Array | undefined {
    const i = this.wordToIndex.get(word);
    return i === undefined ? undefined : this.row(i);
  }

  /** L2 norm of every row, computed once (gensim's `fill_norms`). */
  get norms(): Float32Array {
    if (this.cachedNorms === undefined) {
      const norms = new Float32Array(this.size);
      for (let i = 0; i < norms.length; i++)
        norms[i] = Math.sqrt(dotRows(this.vectors.data, i * this.dim, this.row(i)));
      this.cachedNorms = norms;
    }
    return this.cachedNorms;
  }

  /**
   * Cosine similarity of two words (gensim's `similarity`).
   * @throws RangeError when a word is not in the vocabulary.
   */
  similarity(word1: string, word2: string): number {
    const a = unitVector(this.vector('similarity', word1));
    const b = unitVector(this.vector('similarity', word2));
    return dot(a, b);
  }

  /**
   * The `topn` words closest (by cosine) to the normalized weighted mean of the unit vectors of `positive`
   * (weight 1) and `negative` (weight −1) terms, the input words excluded: gensim's `most_similar`,
   * the word2vec `word-analogy` and `distance` tools.
   * @throws RangeError when a word is not in the vocabulary or no term is given.
   */
  mostSimilar(options: MostSimilarOptions): SimilarWord[] {
    const { positive, negative, topn, end } = this.checkQuery('mostSimilar', options);
    if (topn === 0) return [];
    const mean = new Float32Array(this.dim);
    let totalWeight = 0;
    const exclude = new Set<number>();
    const terms = [...positive.map((t) => [t, 1] as const), ...negative.map((t) => [t, -1] as const)];
    for (const [term, sign] of terms) {
      const [key, weight] = isWeighted(term) ? [term[0], term[1]] : [term, sign];
      const vector = typeof key === 'string' ? unitVector(this.vector('mostSimilar', key)) : key;
      if (typeof key === 'string') exclude.add(this.getIndex(key));
      for (let k = 0; k < this.dim; k++) mean[k] += weight * vector[k];
      totalWeight += Math.abs(weight);
    }
    if (totalWeight > 0) for (let k = 0; k < this.dim; k++) mean[k] /= totalWeight;
    const direction = unitVector(mean);
    const scores = new Float64Array(end);
    const norms = this.norms;
    for (let i = 0; i < end; i++) scores[i] = dotRows(this.vectors.data, i * this.dim, direction) / norms[i];
    return this.ranked(scores, topn, end, exclude);
  }

  /**
   * Levy & Goldberg's multiplicative objective (3CosMul): the product of `(1 + cos) / 2` over `positive`
   * divided by the product over `negative` plus 1e-6, the input words excluded: gensim's
   * `most_similar_cosmul`. Unlike gensim 4, `restrictVocab` is honoured.
   * @throws RangeError when a word is not in the vocabulary or `positive` is empty.
   */
  mostSimilarCosmul(options: MostSimilarOptions): SimilarWord[] {
    const { positive, negative, topn, end } = this.checkQuery('mostSimilarCosmul', options);
    if (positive.length === 0) {
      throw new RangeError(
        'KeyedVectors.mostSimilarCosmul: positive must hold at least one word or vector. Received: positive=[].',
      );
    }
    if (topn === 0) return [];
    const exclude = new Set<number>();
    const toVector = (term: SimilarityTerm): ArrayLike<number> => {
      if (typeof term !== 'string' && !isWeighted(term)) return term;
      const word = typeof term === 'string' ? term : term[0];
      exclude.add(this.getIndex(word));
      return unitVector(this.vector('mostSimilarCosmul', word));
    };
    const positiveVectors = positive.map(toVector);
    const negativeVectors = negative.map(toVector);
    const scores = new Float64Array(end);
    const norms = this.norms;
    const data = this.vectors.data;
    for (let i = 0; i < end; i++) {
      let numerator = 1;
      let denominator = 1;
      for (const v of positiveVectors) numerator *= (1 + dotRows(data, i * this.dim, v) / norms[i]) / 2;
      for (const v of negativeVectors) denominator *= (1 + dotRows(data, i * this.dim, v) / norms[i]) / 2;
      scores[i] = numerator / (denominator + 0.000001);
    }
    return this.ranked(scores, topn, end, exclude);
  }

  /**
   * The word farthest from the mean of the others' unit vectors (gensim's `doesnt_match`); words not in
   * the vocabulary are ignored with a warning, as gensim does. Ties go to the smallest word.
   * @throws RangeError when none of the words is in the vocabulary.
   */
  doesntMatch(words: readonly string[], options: { onWarning?: (message: string) => void } = {}): string {
    const used = words.filter((w) => this.has(w));
    if (used.length !== words.length) {
      const ignored = [...new Set(words.filter((w) => !this.has(w)))];
      (options.onWarning ?? console.warn)(
        `KeyedVectors.doesntMatch: vectors for words ${JSON.stringify(ignored)} are not present in the model, ignoring these words.`,
      );
    }
    if (used.length === 0) {
      throw new RangeError(
        `KeyedVectors.doesntMatch: words must include at least one word in the vocabulary. Received: words=${JSON.stringify(words)}.`,
      );
    }
    const units = used.map((w) => unitVector(this.vector('doesntMatch', w)));
    const mean = new Float32Array(this.dim);
    for (const u of units) for (let k = 0; k < this.dim; k++) mean[k] += u[k];
    for (let k = 0; k < this.dim; k++) mean[k] /= units.length;
    const direction = unitVector(mean);
    let worst = 0;
    const distances = units.map((u) => dot(u, direction));
    for (let i = 1; i < used.length; i++) {
      const closer = distances[i] < distances[worst];
      if (closer || (distances[i] === distances[worst] && used[i] < used[worst])) worst = i;
    }
    return used[worst];
  }

  /**
   * The vectors in the word2vec C tool's text or binary format (gensim's `save_word2vec_format`), which
   * {@link loadWord2Vec} and gensim read back, as chunks of bytes (about 4 MiB each). To write a file in
   * Node, use `saveVectors` of `@tensorseq/embeddings/node`.
   *
   * @example
   * const url = URL.createObjectURL(new Blob([...kv.encode({ binary: true })])); // a browser download
   */
  encode(options: SaveVectorsOptions = {}): Generator<Uint8Array> {
    return encodeVectors(this, options);
  }

  /** View of row `i`. */
  private row(i: number): Float32Array {
    return this.vectors.data.subarray(i * this.dim, (i + 1) * this.dim);
  }

  private vector(method: string, word: string): Float32Array {
    const v = this.get(word);
    if (v === undefined) {
      throw new RangeError(
        `KeyedVectors.${method}: every word must be in the vocabulary. Received: word=${JSON.stringify(word)}.`,
      );
    }
    return v;
  }

  private checkQuery(method: string, options: MostSimilarOptions) {
    const { positive = [], negative = [], topn = 10, restrictVocab } = options;
    if (!(Number.isSafeInteger(topn) && topn >= 0)) {
      throw new RangeError(
        `KeyedVectors.${method}: topn must be a non-negative integer. Received: topn=${topn}.`,
      );
    }
    if (restrictVocab !== undefined && !(Number.isSafeInteger(restrictVocab) && restrictVocab >= 0)) {
      throw new RangeError(
        `KeyedVectors.${method}: restrictVocab must be a non-negative integer. Received: restrictVocab=${restrictVocab}.`,
      );
    }
    if (positive.length + negative.length === 0) {
      throw new RangeError(
        `KeyedVectors.${method}: positive or negative must hold at least one word or vector. Received: positive=[], negative=[].`,
      );
    }
    for (const term of [...positive, ...negative]) {
      const vector = typeof term === 'string' || isWeighted(term) ? undefined : term;
      if (vector !== undefined && vector.length !== this.dim) {
        throw new RangeError(
          `KeyedVectors.${method}: a vector term must have ${this.dim} values. Received: length=${vector.length}.`,
        );
      }
    }
    return { positive, negative, topn, end: Math.min(restrictVocab ?? this.size, this.size) };
  }

  private ranked(
    scores: Float64Array,
    topn: number,
    end: number,
    exclude: ReadonlySet<number>,
  ): SimilarWord[] {
    return topK(scores, topn, 0, end, exclude).map((i) => ({ word: this.wordList[i], score: scores[i] }));
  }
}

function isWeighted(term: SimilarityTerm): term is readonly [string, number] {
  return typeof term !== 'string' && term.length === 2 && typeof (term as readonly unknown[])[0] === 'string';
}

/** `v / |v|` in float32 like gensim's `unitvec`; a zero vector stays zero. */
function unitVector(v: ArrayLike<number>): Float32Array {
  const out = Float32Array.from(v);
  const length = Math.sqrt(dot(out, out));
  if (length > 0) for (let k = 0; k < out.length; k++) out[k] /= length;
  return out;
}

function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let sum = 0;
  for (let k = 0; k < a.length; k++) sum += a[k] * b[k];
  return sum;
}

/** Dot product of `data[offset .. offset + v.length)` with `v`. */
function dotRows(data: Float32Array, offset: number, v: ArrayLike<number>): number {
  let sum = 0;
  for (let k = 0; k < v.length; k++) sum += data[offset + k] * v[k];
  return sum;
}
