import { assertOneOf, assertPositiveInteger } from '@tensorseq/utils';
import { checkBoolean, checkString, fail } from './internal/checks';
import { countTextsInParallel } from './internal/count-in-worker';
import { idfWeights, sequencesMatrix } from './internal/sequence-matrix';
import { hashRange } from './internal/string-hash';
import { TokenIds } from './internal/token-ids';
import { WordCounts } from './internal/word-counts';
import { WordIndex } from './internal/word-index';
import { scanCodePoints, type TokenSink, type WordScanner } from './internal/word-scanner';
import type { NDArray } from './nd-array';
import {
  checkPadOptions,
  type PadDtype,
  type PadDtypeMap,
  type PadSequencesOptions,
  padFor,
} from './pad-sequences';
import { resolveWordOptions, wordScannerFor } from './text-to-word-sequence';
import {
  type KerasTokenizerConfig,
  parseTokenizerJson,
  type TokenizerState,
  tokenizerConfig,
  tokenizerToJson,
} from './tokenizer-json';

/**
 * How {@link Tokenizer.textsToMatrix} weighs a word (Keras' four modes).
 *
 * @example
 * const mode: MatrixMode = 'tfidf';
 */
export type MatrixMode = 'binary' | 'count' | 'tfidf' | 'freq';

/**
 * One text for a Tokenizer: a string, or a list of tokens (only lower-cased, never split).
 *
 * @example
 * const texts: TokenizerText[] = ['The cat sat.', ['the', 'cat', 'sat']];
 */
export type TokenizerText = string | readonly string[];

/** Options of {@link Tokenizer}, with Keras' names (camelCase) and defaults. */
export interface TokenizerOptions {
  /**
   * Keep only ids `< numWords` when transforming (so `numWords - 1` words, the oov token included,
   * exactly like Keras). Fitting always counts every word. `null` keeps all. @defaultValue null
   */
  numWords?: number | null;
  /** Characters replaced by `split` (not used at char level). @defaultValue Keras' `DEFAULT_FILTERS` */
  filters?: string;
  /** Lower-case texts (also tokens of pre-tokenized texts). @defaultValue true */
  lower?: boolean;
  /** Word separator. @defaultValue ' ' */
  split?: string;
  /** Every Unicode code point is a token; filters are ignored, like Keras. @defaultValue false */
  charLevel?: boolean;
  /** Token that replaces unknown words (index 1) when transforming; `null` drops them. @defaultValue null */
  oovToken?: string | null;
}

/** Options of {@link Tokenizer.textsToMatrix} and {@link Tokenizer.sequencesToMatrix}. */
export interface MatrixOptions {
  /** Element type; Keras (NumPy) returns float64. @defaultValue 'float64' */
  dtype?: 'float64' | 'float32';
}

const MODES: readonly MatrixMode[] = ['binary', 'count', 'tfidf', 'freq'];
/** Texts per counting batch of a streamed fit (a generator or an async iterable): bounded memory. */
const STREAM_BATCH = 1024;
const OWNER = 'Tokenizer';

/**
 * Keras' `Tokenizer` (keras_preprocessing 1.1.2 semantics, quirks included): fits a word vocabulary
 * ranked by frequency (ties keep first occurrence), turns texts into index sequences or
 * binary / count / tf-idf / freq matrices, and serializes to the exact JSON of Keras' `to_json()`.
 * Maps keyed by words are `Map`s, so words such as `__proto__` are ordinary words.
 *
 * @example
 * const tokenizer = new Tokenizer({ numWords: 1000 });
 * tokenizer.fitOnTexts(['The cat sat on the mat.', 'The dog ate my homework.']);
 * tokenizer.textsToSequences(['the cat ate']) // → [[1, 2, 7]]
 * tokenizer.wordIndex.size // → 9
 */
export class Tokenizer {
  readonly numWords: number | null;
  readonly filters: string;
  readonly lower: boolean;
  readonly split: string;
  readonly charLevel: boolean;
  readonly oovToken: string | null;

  private readonly scanner: WordScanner;
  private docCount = 0;
  /** Keras' word_counts and word_docs. */
  private counts = new WordCounts();
  /** Keras' word_index / index_word, replaced (never edited) by every fit. */
  private index: WordIndex;
  /** Keras' index_docs: rebuilt entries per fit, incremented by fitOnSequences, never cleared (as Keras). */
  private indexDocsMap = new Map<number, number>();
  /**
   * The token ids of the last `fitOnTexts` over an array, with the texts they came from, so that
   * `textsToSequences` on the same texts maps ids instead of scanning again. Dropped by the next fit,
   * by `fromJSON`, and once a `textsToSequences` call has used it.
   */
  private lastFit: { texts: readonly TokenizerText[]; ids: TokenIds } | undefined;

  constructor(options: TokenizerOptions = {}) {
    const { numWords = null, charLevel = false, oovToken = null } = options;
    const words = resolveWordOptions(OWNER, options);
    if (numWords !== null) assertPositiveInteger(OWNER, 'numWords', numWords);
    checkBoolean(OWNER, 'charLevel', charLevel);
    if (oovToken !== null) checkString(OWNER, 'oovToken', oovToken);
    this.numWords = numWords;
    this.filters = words.filters;
    this.lower = words.lower;
    this.split = words.split;
    this.charLevel = charLevel;
    this.oovToken = oovToken;
    this.scanner = wordScannerFor(words);
    this.index = WordIndex.empty(oovToken);
  }

  /** Number of texts fitted (`fitOnTexts`) plus sequences fitted (`fitOnSequences`). */
  get documentCount(): number {
    return this.docCount;
  }

  /** Occurrences of each word, in first-occurrence order (Keras' `word_counts`). */
  get wordCounts(): ReadonlyMap<string, number> {
    return this.counts.countsMap();
  }

  /** Number of texts each word occurs in (Keras' `word_docs`). */
  get wordDocs(): ReadonlyMap<string, number> {
    return this.counts.docsMap();
  }

  /** Word → index, 1 = most frequent (or the oov token); 0 is never assigned (Keras' `word_index`). */
  get wordIndex(): ReadonlyMap<string, number> {
    return this.index.map;
  }

  /** Index → word, the inverse of {@link Tokenizer.wordIndex} (Keras' `index_word`). */
  get indexWord(): ReadonlyMap<number, string> {
    return this.index.inverse;
  }

  /** Index → number of documents it occurs in (Keras' `index_docs`, used by tf-idf). */
  get indexDocs(): ReadonlyMap<number, number> {
    return this.indexDocsMap;
  }

  /**
   * Counts the words of `texts` (accumulating over calls) and re-ranks the vocabulary. Accepts any
   * iterable, so a generator can stream a corpus bigger than memory in one pass; an async iterable
   * (a file stream of lines, say) returns a Promise. Given an array, the tokenizer also keeps the token
   * ids it read (about 4 bytes per word) until the next `textsToSequences` of the same texts, which
   * then does not tokenize them again.
   *
   * @param texts - Strings, or token lists (pre-tokenized texts).
   * @throws TypeError when `texts` is a bare string or not iterable, or an item is neither a string nor
   *   an array of strings (items before it stay counted).
   */
  fitOnTexts(texts: Iterable<TokenizerText>): void;
  fitOnTexts(texts: AsyncIterable<TokenizerText>): Promise<void>;
  fitOnTexts(texts: Iterable<TokenizerText> | AsyncIterable<TokenizerText>): void | Promise<void> {
    this.lastFit = undefined;
    if (isAsyncIterable(texts)) return this.fitAsync(texts);
    checkIterable('Tokenizer.fitOnTexts', 'texts', texts);
    // Recording ids pays only when the same texts come back: an array the caller still holds. An array
    // is also counted in one batch (shared with a worker thread in Node when it is large).
    const array = Array.isArray(texts);
    const fit = this.fitter(array ? Number.POSITIVE_INFINITY : STREAM_BATCH, array ? new TokenIds() : null);
    try {
      let i = 0;
      for (const text of texts) fit.add(text, i++);
      fit.flush();
    } finally {
      this.rebuildIndex();
    }
    const ids = fit.recorded();
    if (array && ids !== null && ids.documents === (texts as readonly TokenizerText[]).length) {
      this.lastFit = { texts: (texts as readonly TokenizerText[]).slice(), ids };
    }
  }

  private async fitAsync(texts: AsyncIterable<TokenizerText>): Promise<void> {
    const fit = this.fitter(STREAM_BATCH, null);
    try {
      let i = 0;
      for await (const text of texts) fit.add(text, i++);
      fit.flush();
    } finally {
      this.rebuildIndex();
    }
  }

  /** The separator table of the batched word counting, or undefined where it does not apply. */
  private fastSeparators(): Uint8Array | undefined {
    return this.charLevel ? undefined : this.scanner.fastSeparators;
  }

  /**
   * The counting of one fit call. Plain texts with Keras-style filters (the usual case) are gathered
   * into batches of `batch` texts and counted by `countTexts` (no call per word); anything else
   * (token lists, char level, unusual filters) goes through the scanner one token at a time, after the
   * pending batch, so words keep their first-occurrence order. A bad item throws after everything
   * before it was counted. With `ids`, every text's token ids are recorded until a text that is not
   * batched stops the recording.
   */
  private fitter(batch: number, ids: TokenIds | null) {
    const { counts } = this;
    const separators = this.fastSeparators();
    let pending: string[] = [];
    let recording = ids;
    let doc = 0;
    const count: TokenSink = (s, start, end, hash) => {
      counts.addToken(s, start, end, hash, doc);
    };
    const flush = () => {
      if (pending.length === 0 || separators === undefined) return;
      const runs = countTextsInParallel(pending, separators, this.lower);
      pending = [];
      for (const run of runs) {
        this.docCount += run.starts.length - 1;
        const remap = counts.addCounts(run, this.docCount);
        recording?.append(run, remap);
      }
    };
    return {
      add: (text: TokenizerText, position: number) => {
        if (!isText(text)) {
          flush();
          fail('Tokenizer.fitOnTexts', `texts[${position}]`, 'a string or an array of strings', text);
        }
        if (separators !== undefined && typeof text === 'string') {
          pending.push(text);
          if (pending.length >= batch) flush();
          return;
        }
        flush();
        recording = null;
        doc = ++this.docCount;
        this.forEachToken(text, count);
        counts.changed();
      },
      flush,
      recorded: () => recording,
    };
  }

  /** Tokenizes like Keras: char level and token lists are only lower-cased, strings are split. */
  private forEachToken(text: TokenizerText, sink: TokenSink): void {
    if (typeof text !== 'string') {
      for (const token of text) {
        const t = this.lower ? token.toLowerCase() : token;
        sink(t, 0, t.length, hashRange(t, 0, t.length));
      }
    } else if (this.charLevel) {
      scanCodePoints(this.lower ? text.toLowerCase() : text, sink);
    } else {
      this.scanner.scan(text, sink);
    }
  }

  /** Keras' end of `fit_on_texts`: re-rank every counted word and refresh `index_docs`. */
  private rebuildIndex(): void {
    this.index = WordIndex.ranked(this.counts, this.oovToken);
    this.index.forEachDocuments((index, documents) => {
      this.indexDocsMap.set(index, documents);
    });
  }

  /**
   * Counts, for tf-idf, the documents each index occurs in (Keras' `fit_on_sequences`): use it when
   * you only have sequences.
   *
   * @param sequences - Sequences of word indices.
   */
  fitOnSequences(sequences: Iterable<ArrayLike<number>>): void {
    checkIterable('Tokenizer.fitOnSequences', 'sequences', sequences);
    let i = 0;
    for (const seq of sequences) {
      checkSequence('Tokenizer.fitOnSequences', i++, seq);
      this.docCount++;
      for (const index of new Set(Array.from(seq))) {
        this.indexDocsMap.set(index, (this.indexDocsMap.get(index) ?? 0) + 1);
      }
    }
  }

  /**
   * Turns each text into the indices of its known words (Keras' `texts_to_sequences`): words with an
   * index ≥ `numWords` and unknown words become the oov index, or are dropped without an oov token.
   *
   * @param texts - Strings or token lists.
   * @returns One index array per text.
   */
  textsToSequences(texts: Iterable<TokenizerText>): number[][] {
    const owner = 'Tokenizer.textsToSequences';
    checkIterable(owner, 'texts', texts);
    const encode = this.sequenceEncoder(owner);
    const cached = this.cachedEncoder((ids, values) => ids.mapper(values));
    const result: number[][] = [];
    let i = 0;
    for (const text of texts) {
      result.push(cached?.(text, i) ?? encode(text, i));
      i++;
    }
    // The ids served their purpose (fit, then sequences of the same texts): free them.
    if (cached !== undefined) this.lastFit = undefined;
    return result;
  }

  /**
   * `padSequences(tokenizer.textsToSequences(texts), options)` in one step, with the same result: right
   * after `fitOnTexts` of the same texts it writes the fit's token ids straight into the padded array,
   * without an array per text (for 50,000 IMDB reviews, about 12 million numbers fewer to allocate).
   *
   * @param texts - Strings or token lists.
   * @param options - {@link padSequences}' options (length, dtype, padding / truncating side, fill).
   * @returns A row-major `[texts, maxlen]` typed array with its shape.
   * @throws Like {@link Tokenizer.textsToSequences} and {@link padSequences} (options are checked first).
   *
   * @example
   * const tokenizer = new Tokenizer({ numWords: 10000 });
   * tokenizer.fitOnTexts(reviews);
   * const { data, shape } = tokenizer.textsToPaddedSequences(reviews, { maxlen: 500 });
   */
  textsToPaddedSequences<D extends PadDtype = 'int32'>(
    texts: Iterable<TokenizerText>,
    options: PadSequencesOptions<D> = {},
  ): NDArray<PadDtypeMap[D]> {
    const owner = 'Tokenizer.textsToPaddedSequences';
    checkPadOptions(owner, options);
    checkIterable(owner, 'texts', texts);
    const encode = this.sequenceEncoder(owner);
    const cached = this.cachedEncoder((ids, values) => ids.consumer(values));
    // The ids are mapped in place from here on: drop them now, so that nothing can read them twice.
    this.lastFit = undefined;
    const rows: ArrayLike<number>[] = [];
    let i = 0;
    for (const text of texts) {
      rows.push(cached?.(text, i) ?? encode(text, i));
      i++;
    }
    return padFor(owner, rows, options);
  }

  /**
   * {@link Tokenizer.textsToSequences} one text at a time (Keras' `texts_to_sequences_generator`).
   *
   * @param texts - Strings or token lists (any iterable: nothing is read ahead).
   * @returns A generator of index arrays.
   */
  *textsToSequencesGenerator(texts: Iterable<TokenizerText>): Generator<number[], void, undefined> {
    const owner = 'Tokenizer.textsToSequencesGenerator';
    checkIterable(owner, 'texts', texts);
    const encode = this.sequenceEncoder(owner);
    let i = 0;
    for (const text of texts) yield encode(text, i++);
  }

  /**
   * Text → indices from the last fit's token ids, for a text that is the one fitted at the same
   * position (else undefined: the caller scans it). Ids are vocabulary ids, which later fits never
   * renumber, and the index maps them as ranked now.
   */
  private cachedEncoder<Row>(
    rowsOf: (ids: TokenIds, values: Int32Array) => (position: number) => Row,
  ): ((text: TokenizerText, position: number) => Row | undefined) | undefined {
    const last = this.lastFit;
    if (last === undefined) return undefined;
    const values = this.index.idValues(
      this.numWords ?? Number.POSITIVE_INFINITY,
      this.index.oovIndex() ?? -1,
    );
    if (values === undefined) return undefined;
    const { texts, ids } = last;
    const map = rowsOf(ids, values);
    return (text, position) =>
      position < texts.length && texts[position] === text ? map(position) : undefined;
  }

  /** Text → indices with Keras' rules, scanning into a reused buffer (one exact-size array per text). */
  private sequenceEncoder(owner: string): (text: TokenizerText, position: number) => number[] {
    const table = this.index.table(this.numWords);
    const limit = this.numWords ?? Number.POSITIVE_INFINITY;
    const oov = this.index.oovIndex() ?? -1;
    let buffer = new Int32Array(1024);
    let length = 0;
    const emit: TokenSink = (s, start, end, hash) => {
      const id = table === undefined ? -1 : table.lookup.findRange(s, start, end, hash);
      let index = id >= 0 ? table!.index[id] : -1;
      if (index < 0 || index >= limit) index = oov;
      if (index < 0) return;
      if (length === buffer.length) {
        const grown = new Int32Array(length * 2);
        grown.set(buffer);
        buffer = grown;
      }
      buffer[length++] = index;
    };
    const separators = this.fastSeparators();
    return (text, position) => {
      checkText(owner, position, text);
      if (separators !== undefined && table !== undefined && typeof text === 'string') {
        // Plain texts with Keras-style filters (the usual case): one fused loop, no call per word.
        const s = this.lower ? text.toLowerCase() : text;
        return table.lookup.encodeWords(s, separators, table.index, limit, oov);
      }
      length = 0;
      this.forEachToken(text, emit);
      const row: number[] = [];
      for (let k = 0; k < length; k++) row.push(buffer[k]);
      return row;
    };
  }

  /**
   * Turns index sequences back into space-joined texts (Keras' `sequences_to_texts`): unknown indices
   * (0 included) and indices ≥ `numWords` become the oov token, or are dropped without one.
   *
   * @param sequences - Sequences of word indices.
   * @returns One string per sequence.
   */
  sequencesToTexts(sequences: Iterable<ArrayLike<number>>): string[] {
    return [...this.sequencesToTextsGenerator(sequences)];
  }

  /**
   * {@link Tokenizer.sequencesToTexts} one sequence at a time (Keras' `sequences_to_texts_generator`).
   *
   * @param sequences - Sequences of word indices.
   * @returns A generator of strings.
   */
  *sequencesToTextsGenerator(sequences: Iterable<ArrayLike<number>>): Generator<string, void, undefined> {
    const owner = 'Tokenizer.sequencesToTexts';
    checkIterable(owner, 'sequences', sequences);
    const limit = this.numWords ?? Number.POSITIVE_INFINITY;
    const oovIndex = this.index.oovIndex();
    const indexWord = this.indexWord;
    const oovWord = oovIndex === undefined ? undefined : indexWord.get(oovIndex);
    let i = 0;
    for (const seq of sequences) {
      checkSequence(owner, i++, seq);
      const words: string[] = [];
      for (let k = 0; k < seq.length; k++) {
        const word = indexWord.get(seq[k]);
        if (word !== undefined && seq[k] < limit) words.push(word);
        else if (oovWord !== undefined) words.push(oovWord);
      }
      yield words.join(' ');
    }
  }

  /**
   * Vectorizes texts as a `[texts, width]` matrix (Keras' `texts_to_matrix`); width is `numWords`, or
   * `wordIndex.size + 1` without it.
   *
   * @param texts - Strings or token lists.
   * @param mode - `'binary'` (presence), `'count'`, `'tfidf'` (`(1 + ln c) · ln(1 + N / (1 + df))`) or
   *   `'freq'` (count / sequence length). @defaultValue 'binary'
   * @param options - Element type.
   * @throws Error before fitting without `numWords` (Keras' message), or for tf-idf before any fit.
   */
  textsToMatrix(
    texts: Iterable<TokenizerText>,
    mode: MatrixMode = 'binary',
    options: MatrixOptions = {},
  ): NDArray<Float64Array | Float32Array> {
    const width = this.matrixWidth('Tokenizer.textsToMatrix', mode, options);
    const sequences: number[][] = [];
    checkIterable('Tokenizer.textsToMatrix', 'texts', texts);
    const encode = this.sequenceEncoder('Tokenizer.textsToMatrix');
    let i = 0;
    for (const text of texts) sequences.push(encode(text, i++));
    return this.buildMatrix('Tokenizer.textsToMatrix', sequences, mode, width, options);
  }

  /**
   * Vectorizes index sequences as a `[sequences, width]` matrix (Keras' `sequences_to_matrix`).
   * Indices ≥ width are skipped, index 0 counts in column 0, and `'freq'` divides by the full
   * sequence length (skipped indices included), as in Keras.
   *
   * @param sequences - Sequences of non-negative integer indices.
   * @param mode - See {@link Tokenizer.textsToMatrix}. @defaultValue 'binary'
   * @param options - Element type.
   */
  sequencesToMatrix(
    sequences: ArrayLike<ArrayLike<number>>,
    mode: MatrixMode = 'binary',
    options: MatrixOptions = {},
  ): NDArray<Float64Array | Float32Array> {
    const width = this.matrixWidth('Tokenizer.sequencesToMatrix', mode, options);
    if (sequences === null || typeof sequences !== 'object' || typeof sequences.length !== 'number') {
      fail('Tokenizer.sequencesToMatrix', 'sequences', 'an array of sequences', sequences);
    }
    for (let i = 0; i < sequences.length; i++) {
      checkSequence('Tokenizer.sequencesToMatrix', i, sequences[i]);
      checkIndices('Tokenizer.sequencesToMatrix', i, sequences[i]);
    }
    return this.buildMatrix('Tokenizer.sequencesToMatrix', sequences, mode, width, options);
  }

  private matrixWidth(owner: string, mode: MatrixMode, options: MatrixOptions): number {
    assertOneOf(owner, 'mode', mode, MODES);
    assertOneOf(owner, 'dtype', options.dtype ?? 'float64', ['float64', 'float32']);
    if (this.numWords === null && this.index.size === 0) {
      throw new Error(`${owner}: Specify a dimension (numWords argument), or fit on some text data first.`);
    }
    if (mode === 'tfidf' && this.docCount === 0) {
      throw new Error(`${owner}: Fit the Tokenizer on some data before using tfidf mode.`);
    }
    return this.numWords ?? this.index.size + 1;
  }

  private buildMatrix(
    owner: string,
    sequences: ArrayLike<ArrayLike<number>>,
    mode: MatrixMode,
    width: number,
    options: MatrixOptions,
  ): NDArray<Float64Array | Float32Array> {
    const idf = mode === 'tfidf' ? idfWeights(width, this.docCount, this.indexDocsMap) : undefined;
    const sizeArg = this.numWords === null ? 'the word index size' : 'numWords';
    return sequencesMatrix(sequences, mode, width, options.dtype ?? 'float64', idf, { owner, sizeArg });
  }

  /**
   * The exact JSON of Keras' `Tokenizer.to_json()` (so Keras' `tokenizer_from_json` reads it): Python
   * `json.dumps` formatting, nested maps as JSON strings.
   *
   * @returns A JSON string.
   */
  toJSON(): string {
    return tokenizerToJson(this.state());
  }

  /**
   * Keras' `get_config()`: the options, `document_count`, and each map as a JSON string.
   *
   * @returns The config object that `toJSON()` wraps in `{"class_name": "Tokenizer", "config": …}`.
   */
  getConfig(): KerasTokenizerConfig {
    return tokenizerConfig(this.state());
  }

  /**
   * Reads the JSON of Keras' `to_json()` (or of {@link Tokenizer.toJSON}), keeping word order.
   *
   * @param json - The JSON string.
   * @returns A fitted Tokenizer.
   * @throws TypeError / SyntaxError naming the field when the JSON is malformed or inconsistent.
   */
  static fromJSON(json: string): Tokenizer {
    const state = parseTokenizerJson(json);
    const tokenizer = new Tokenizer(state.options);
    tokenizer.restore(state);
    return tokenizer;
  }

  private state(): TokenizerState {
    return {
      options: {
        numWords: this.numWords,
        filters: this.filters,
        lower: this.lower,
        split: this.split,
        charLevel: this.charLevel,
        oovToken: this.oovToken,
      },
      documentCount: this.docCount,
      wordCounts: this.wordCounts,
      wordDocs: this.wordDocs,
      indexDocs: this.indexDocsMap,
      indexWord: this.indexWord,
      wordIndex: this.wordIndex,
    };
  }

  private restore(state: TokenizerState): void {
    this.docCount = state.documentCount;
    for (const [word, count] of state.wordCounts) this.counts.set(word, count);
    for (const [word, docs] of state.wordDocs) {
      if (!this.counts.setDocuments(word, docs)) {
        fail('Tokenizer.fromJSON', 'config.word_docs', 'keyed by words of word_counts', word, RangeError);
      }
    }
    this.indexDocsMap = new Map(state.indexDocs);
    this.index = WordIndex.loaded(this.oovToken, state.wordIndex, state.indexWord);
    this.lastFit = undefined;
  }
}

function isAsyncIterable<T>(value: unknown): value is AsyncIterable<T> {
  return (
    value !== null &&
    typeof value === 'object' &&
    typeof (value as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] === 'function'
  );
}

function checkIterable(owner: string, name: string, value: unknown): void {
  const iterable =
    value !== null &&
    typeof value === 'object' &&
    typeof (value as { [Symbol.iterator]?: unknown })[Symbol.iterator] === 'function';
  if (!iterable) fail(owner, name, 'an iterable (not a string)', value);
}

function isText(text: unknown): text is TokenizerText {
  return typeof text === 'string' || (Array.isArray(text) && text.every((t) => typeof t === 'string'));
}

function checkText(owner: string, position: number, text: unknown): void {
  if (!isText(text)) fail(owner, `texts[${position}]`, 'a string or an array of strings', text);
}

function checkSequence(owner: string, position: number, seq: unknown): void {
  if (seq === null || typeof seq !== 'object' || typeof (seq as ArrayLike<number>).length !== 'number') {
    fail(owner, `sequences[${position}]`, 'an array of integers', seq);
  }
}

function checkIndices(owner: string, position: number, seq: ArrayLike<number>): void {
  for (let k = 0; k < seq.length; k++) {
    const j = seq[k];
    if (!Number.isInteger(j) || j < 0) {
      fail(owner, `sequences[${position}][${k}]`, 'a non-negative integer', j, RangeError);
    }
  }
}
