import { assertNonNegativeInteger, assertOneOf, assertPositiveInteger } from '@tensorseq/utils';
import { checkBoolean, checkInteger, fail } from './internal/checks';
import {
  lowerAscii,
  ngramsOfWidths,
  splitCharacters,
  splitWhitespace,
  stripPunctuation,
} from './internal/text-vectorizer-steps';
import type { NDArray } from './nd-array';

/**
 * How texts are cleaned before splitting (Keras' `standardize`), or your own function.
 *
 * @example
 * new TextVectorizer({ standardize: (text) => text.toLowerCase() }) // Unicode lower-casing
 */
export type Standardize =
  | 'lowerAndStripPunctuation'
  | 'lower'
  | 'stripPunctuation'
  | null
  | ((text: string) => string);

/**
 * How cleaned texts become tokens (Keras' `split`), or your own function.
 *
 * @example
 * new TextVectorizer({ split: 'character' }).tokenize('ab') // → ['a', 'b']
 */
export type SplitMode = 'whitespace' | 'character' | null | ((text: string) => string[]);

/**
 * What {@link TextVectorizer.call} returns per text (Keras' `output_mode`).
 *
 * @example
 * new TextVectorizer({ outputMode: 'multiHot', vocabulary: ['a'] }).call(['a b']).data // → Float32Array [1, 1]
 */
export type OutputMode = 'int' | 'multiHot' | 'count' | 'tfIdf';

/** Options of {@link TextVectorizer}, Keras' TextVectorization arguments in camelCase. */
export interface TextVectorizerOptions {
  /** Vocabulary size cap, special tokens included (`''` and `'[UNK]'` in int mode, `'[UNK]'` otherwise). @defaultValue null */
  maxTokens?: number | null;
  /** Cleaning step; Keras' lower-casing is ASCII-only, as in TensorFlow. @defaultValue 'lowerAndStripPunctuation' */
  standardize?: Standardize;
  /** Splitting step: ASCII whitespace, code points, none (one token per text) or a function. @defaultValue 'whitespace' */
  split?: SplitMode;
  /** `n` = all 1…n-grams; an array = those widths; null = tokens only. @defaultValue null */
  ngrams?: number | readonly number[] | null;
  /** Output encoding. @defaultValue 'int' */
  outputMode?: OutputMode;
  /** Int mode only: pad (with 0, at the end) or truncate (keeping the start) every row to this length. @defaultValue null */
  outputSequenceLength?: number | null;
  /** Non-int modes: make every row `maxTokens` wide even when the vocabulary is smaller. @defaultValue false */
  padToMaxTokens?: boolean;
  /** A fixed vocabulary instead of `adapt` (special tokens may lead it). @defaultValue undefined */
  vocabulary?: readonly string[];
  /** tfIdf with a fixed vocabulary: one idf weight per vocabulary entry. @defaultValue undefined */
  idfWeights?: ArrayLike<number>;
}

const OWNER = 'TextVectorizer';
const MASK = '';
const OOV = '[UNK]';
const STANDARDIZE = ['lowerAndStripPunctuation', 'lower', 'stripPunctuation'] as const;
const SPLITS = ['whitespace', 'character'] as const;
const MODES: readonly OutputMode[] = ['int', 'multiHot', 'count', 'tfIdf'];

/**
 * Keras' `TextVectorization` layer without TensorFlow: standardize → split → n-grams → vocabulary
 * lookup, with Keras' own adapt semantics. They differ from {@link Tokenizer}'s: ties in frequency
 * are broken by the token itself (reverse code-point order), index 0 is the padding token and 1 the
 * OOV token in int mode (OOV is 0 otherwise), and tf-idf is `count · ln(1 + N / (1 + df))` with the
 * OOV column weighted by the mean idf.
 *
 * @example
 * const vectorizer = new TextVectorizer({ maxTokens: 10, outputSequenceLength: 4 });
 * vectorizer.adapt(['The cat sat on the mat.', 'The dog ate my homework.']);
 * vectorizer.getVocabulary() // → ['', '[UNK]', 'the', 'sat', 'on', 'my', 'mat', 'homework', 'dog', 'cat']
 * vectorizer.call(['the cat ran']) // → { data: Int32Array [2, 9, 1, 0], shape: [1, 4] }
 */
export class TextVectorizer {
  readonly maxTokens: number | null;
  readonly standardize: Standardize;
  readonly split: SplitMode;
  readonly ngramWidths: readonly number[] | null;
  readonly outputMode: OutputMode;
  readonly outputSequenceLength: number | null;
  readonly padToMaxTokens: boolean;

  private tokens: string[] = [];
  private index = new Map<string, number>();
  private idf: Float32Array | undefined;
  private hasVocabulary = false;

  constructor(options: TextVectorizerOptions = {}) {
    const {
      maxTokens = null,
      standardize = 'lowerAndStripPunctuation',
      split = 'whitespace',
      ngrams = null,
      outputMode = 'int',
      outputSequenceLength = null,
      padToMaxTokens = false,
    } = options;
    if (maxTokens !== null) checkInteger(OWNER, 'maxTokens', maxTokens, 2);
    if (standardize !== null && typeof standardize !== 'function') {
      assertOneOf(OWNER, 'standardize', standardize, STANDARDIZE);
    }
    if (split !== null && typeof split !== 'function') assertOneOf(OWNER, 'split', split, SPLITS);
    assertOneOf(OWNER, 'outputMode', outputMode, MODES);
    checkBoolean(OWNER, 'padToMaxTokens', padToMaxTokens);
    if (outputSequenceLength !== null) {
      if (outputMode !== 'int')
        fail(
          OWNER,
          'outputSequenceLength',
          'null unless outputMode is "int"',
          outputSequenceLength,
          RangeError,
        );
      assertNonNegativeInteger(OWNER, 'outputSequenceLength', outputSequenceLength);
    }
    if (padToMaxTokens && maxTokens === null)
      fail(OWNER, 'maxTokens', 'set when padToMaxTokens is true', maxTokens, RangeError);
    this.maxTokens = maxTokens;
    this.standardize = standardize;
    this.split = split;
    this.ngramWidths = resolveNgrams(ngrams);
    this.outputMode = outputMode;
    this.outputSequenceLength = outputSequenceLength;
    this.padToMaxTokens = padToMaxTokens;
    if (options.vocabulary !== undefined) this.setVocabulary(options.vocabulary, options.idfWeights);
  }

  /** Index of the first learned token: after `''` and `'[UNK]'` in int mode, after `'[UNK]'` otherwise. */
  private get tokenStart(): number {
    return this.outputMode === 'int' ? 2 : 1;
  }

  /**
   * The tokens of one text after standardize, split and n-grams: what the vocabulary is built from.
   *
   * @param text - One text.
   * @returns Its tokens.
   */
  tokenize(text: string): string[] {
    let s = text;
    const { standardize, split } = this;
    if (standardize === 'lower' || standardize === 'lowerAndStripPunctuation') s = lowerAscii(s);
    if (standardize === 'stripPunctuation' || standardize === 'lowerAndStripPunctuation')
      s = stripPunctuation(s);
    if (typeof standardize === 'function') s = standardize(s);
    let tokens: string[];
    if (split === 'whitespace') tokens = splitWhitespace(s);
    else if (split === 'character') tokens = splitCharacters(s);
    else if (split === null) tokens = [s];
    else tokens = split(s);
    return this.ngramWidths === null ? tokens : ngramsOfWidths(tokens, this.ngramWidths);
  }

  /**
   * Learns the vocabulary (and idf weights in tfIdf mode) from texts, replacing any previous one.
   * Accepts any iterable; an async iterable returns a Promise.
   *
   * @param texts - The corpus.
   * @throws TypeError for a bare string or a non-string item.
   */
  adapt(texts: Iterable<string>): void;
  adapt(texts: AsyncIterable<string>): Promise<void>;
  adapt(texts: Iterable<string> | AsyncIterable<string>): void | Promise<void> {
    const counter = new TokenCounter(this.outputMode === 'tfIdf');
    if (typeof texts === 'object' && texts !== null && Symbol.asyncIterator in texts) {
      return (async () => {
        let i = 0;
        for await (const text of texts) counter.add(this.tokenize(checkText('adapt', i++, text)));
        this.finalize(counter);
      })();
    }
    checkIterable('adapt', texts);
    let i = 0;
    for (const text of texts as Iterable<string>) counter.add(this.tokenize(checkText('adapt', i++, text)));
    this.finalize(counter);
  }

  /** Keras' finalize_state: drop special tokens, sort by (count, token) descending, cap, idf. */
  private finalize(counter: TokenCounter): void {
    counter.counts.delete(MASK);
    counter.counts.delete(OOV);
    const sorted = [...counter.counts].sort((a, b) => b[1] - a[1] || compareCodePoints(b[0], a[0]));
    const learned =
      this.maxTokens === null ? sorted : sorted.slice(0, Math.max(0, this.maxTokens - this.tokenStart));
    const tokens = learned.map(([token]) => token);
    let idf: Float32Array | undefined;
    if (this.outputMode === 'tfIdf') {
      const n = counter.documents;
      idf = Float32Array.from(tokens, (t) => Math.log(1 + n / (1 + (counter.documentCounts.get(t) ?? 0))));
    }
    this.install(tokens, idf);
  }

  /**
   * Sets the lookup table. The OOV idf is the given one, else (adapt, or a vocabulary without
   * special tokens) the mean of the token idf weights, as in Keras.
   */
  private install(tokens: string[], idf: Float32Array | undefined, oovIdf?: number): void {
    this.tokens = tokens;
    this.hasVocabulary = true;
    this.index = new Map(tokens.map((t, k) => [t, k + this.tokenStart]));
    if (idf === undefined) {
      this.idf = undefined;
      return;
    }
    const width = this.padToMaxTokens && this.maxTokens !== null ? this.maxTokens : tokens.length + 1;
    const weights = new Float32Array(Math.max(width, tokens.length + 1));
    let sum = 0;
    for (const w of idf) sum += w;
    weights[0] = oovIdf ?? (tokens.length > 0 ? Math.fround(sum / tokens.length) : 0);
    weights.set(idf, 1);
    this.idf = weights;
  }

  /**
   * Replaces the vocabulary. Leading special tokens (`''`, `'[UNK]'`) are recognized and skipped.
   *
   * @param vocabulary - Tokens, most frequent first by convention; no duplicates.
   * @param idfWeights - tfIdf mode: one weight per entry of `vocabulary`; a leading `'[UNK]'` entry's
   *   weight is the OOV weight, otherwise the OOV column gets the mean weight (Keras' rule).
   * @throws RangeError for duplicates, a missing or mis-sized `idfWeights` in tfIdf mode.
   */
  setVocabulary(vocabulary: readonly string[], idfWeights?: ArrayLike<number>): void {
    if (!Array.isArray(vocabulary)) fail(OWNER, 'vocabulary', 'an array of strings', vocabulary);
    vocabulary.forEach((t, i) => {
      if (typeof t !== 'string') fail(OWNER, `vocabulary[${i}]`, 'a string', t);
    });
    let skip = 0;
    if (this.outputMode === 'int' && vocabulary[0] === MASK) skip = vocabulary[1] === OOV ? 2 : 1;
    else if (vocabulary[0] === OOV) skip = 1;
    const tokens = vocabulary.slice(skip);
    if (new Set(tokens).size !== tokens.length)
      fail(OWNER, 'vocabulary', 'free of duplicates', vocabulary, RangeError);
    if (this.outputMode !== 'tfIdf') {
      if (idfWeights !== undefined)
        fail(OWNER, 'idfWeights', 'undefined unless outputMode is "tfIdf"', idfWeights, RangeError);
      this.install(tokens, undefined);
      return;
    }
    if (idfWeights === undefined || idfWeights.length !== vocabulary.length) {
      fail(
        OWNER,
        'idfWeights',
        `${vocabulary.length} weights (one per vocabulary entry)`,
        idfWeights,
        RangeError,
      );
    }
    const weights = Float32Array.from(idfWeights);
    this.install(tokens, weights.subarray(skip), skip > 0 ? weights[0] : undefined);
  }

  /**
   * The vocabulary, index order.
   *
   * @param includeSpecialTokens - Lead with `''` and `'[UNK]'` (int) or `'[UNK]'` (other modes). @defaultValue true
   * @returns Tokens; entry `i` has index `i` when special tokens are included.
   */
  getVocabulary(includeSpecialTokens = true): string[] {
    if (!includeSpecialTokens) return [...this.tokens];
    return [...(this.outputMode === 'int' ? [MASK, OOV] : [OOV]), ...this.tokens];
  }

  /** Size of the vocabulary, special tokens included. @returns A count. */
  vocabularySize(): number {
    return this.tokens.length + this.tokenStart;
  }

  /**
   * Vectorizes texts: `[texts, length]` Int32Array in int mode, `[texts, vocabulary]` Float32Array
   * (multiHot, count, tfIdf) otherwise.
   *
   * @param texts - The texts.
   * @returns A typed array with its shape.
   * @throws TypeError for a bare string or a non-string item; Error in non-int modes before any vocabulary.
   */
  call(texts: Iterable<string>): NDArray<Int32Array | Float32Array> {
    checkIterable('call', texts);
    const rows: string[][] = [];
    let i = 0;
    for (const text of texts) rows.push(this.tokenize(checkText('call', i++, text)));
    return this.outputMode === 'int' ? this.encodeInt(rows) : this.encodeBag(rows);
  }

  private encodeInt(rows: string[][]): NDArray<Int32Array> {
    const length = this.outputSequenceLength ?? rows.reduce((m, r) => Math.max(m, r.length), 0);
    const data = new Int32Array(rows.length * length);
    rows.forEach((tokens, r) => {
      const n = Math.min(tokens.length, length);
      for (let k = 0; k < n; k++) {
        const token = tokens[k];
        data[r * length + k] = token === MASK ? 0 : (this.index.get(token) ?? 1);
      }
    });
    return { data, shape: [rows.length, length] };
  }

  private encodeBag(rows: string[][]): NDArray<Float32Array> {
    if (!this.hasVocabulary && !this.padToMaxTokens) {
      // Keras refuses to guess the output width before a vocabulary exists.
      throw new Error(
        `${OWNER}.call: a vocabulary must be set before calling in outputMode "${this.outputMode}" without padToMaxTokens. To fix this, call adapt(texts) or pass \`vocabulary\`.`,
      );
    }
    const depth = this.padToMaxTokens && this.maxTokens !== null ? this.maxTokens : this.vocabularySize();
    const data = new Float32Array(rows.length * depth);
    rows.forEach((tokens, r) => {
      for (const token of tokens) {
        if (token === MASK) continue;
        const j = this.index.get(token) ?? 0;
        if (j < depth) data[r * depth + j] += 1;
      }
    });
    if (this.outputMode === 'multiHot') {
      for (let k = 0; k < data.length; k++) if (data[k] > 0) data[k] = 1;
    } else if (this.outputMode === 'tfIdf') {
      const idf = this.idf ?? new Float32Array(depth);
      for (let k = 0; k < data.length; k++) if (data[k] > 0) data[k] *= idf[k % depth];
    }
    return { data, shape: [rows.length, depth] };
  }
}

/** Token and document frequencies gathered by adapt. */
class TokenCounter {
  readonly counts = new Map<string, number>();
  readonly documentCounts = new Map<string, number>();
  documents = 0;

  constructor(private readonly withDocuments: boolean) {}

  add(tokens: readonly string[]): void {
    for (const t of tokens) this.counts.set(t, (this.counts.get(t) ?? 0) + 1);
    if (!this.withDocuments) return;
    this.documents++;
    for (const t of new Set(tokens)) this.documentCounts.set(t, (this.documentCounts.get(t) ?? 0) + 1);
  }
}

/** NumPy's order of UTF-8 bytes = code-point order (JS `<` compares UTF-16 units instead). */
function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // Surrogates (astral code points) sort after every BMP unit at or above U+E000.
    const rank = (c: number) => (c >= 0xd800 && c <= 0xdfff ? c + 0x2000 : c >= 0xe000 ? c - 0x800 : c);
    return rank(x) - rank(y);
  }
  return a.length - b.length;
}

function resolveNgrams(ngrams: number | readonly number[] | null): readonly number[] | null {
  if (ngrams === null) return null;
  if (typeof ngrams === 'number') {
    assertPositiveInteger(OWNER, 'ngrams', ngrams);
    return Array.from({ length: ngrams }, (_, k) => k + 1);
  }
  if (!Array.isArray(ngrams) || ngrams.length === 0)
    fail(OWNER, 'ngrams', 'an integer >= 1 or a non-empty array of them', ngrams);
  ngrams.forEach((n, i) => {
    assertPositiveInteger(OWNER, `ngrams[${i}]`, n);
  });
  return [...ngrams];
}

function checkIterable(method: string, value: unknown): void {
  const ok = value !== null && typeof value === 'object' && Symbol.iterator in value;
  if (!ok) fail(`${OWNER}.${method}`, 'texts', 'an iterable of strings (not a string)', value);
}

function checkText(method: string, position: number, text: unknown): string {
  if (typeof text !== 'string') fail(`${OWNER}.${method}`, `texts[${position}]`, 'a string', text);
  return text;
}
