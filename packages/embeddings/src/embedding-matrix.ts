import type { KeyedVectors } from './keyed-vectors';
import type { NDArray } from './nd-array';

/** Word → index, as a Keras `Tokenizer.word_index`, `getWordIndex()` or a parsed word-index JSON. */
export type WordIndex = ReadonlyMap<string, number> | Readonly<Record<string, number>>;

/**
 * Options of {@link embeddingMatrix}.
 *
 * @example
 * embeddingMatrix(kv, getWordIndex(), { numWords: 10000, indexOffset: 3 }); // Keras imdb indices
 */
export interface EmbeddingMatrixOptions {
  /** Rows of the matrix (the Embedding's `inputDim`): words with an index ≥ numWords are left out. @defaultValue largest index + 1 */
  numWords?: number;
  /**
   * Added to every index, for sequences encoded with an offset: Keras' `imdb.load_data` uses
   * `index_from=3`, so with `getWordIndex()` pass 3. @defaultValue 0
   */
  indexOffset?: number;
}

/** What {@link embeddingMatrix} returns. */
export interface EmbeddingMatrix {
  /** `[numWords, dim]`; row i is the vector of the word with index i, zeros where missing and in row 0. */
  matrix: NDArray<Float32Array>;
  /** How many rows received a vector. */
  found: number;
  /** Words with an index < numWords that have no vector, in index order. */
  missing: string[];
}

/**
 * Builds the weight matrix of a frozen `Embedding` layer from pretrained vectors, as chapter 6 does for
 * GloVe: row i holds the vector of the word with index i, zeros where the word has no vector; row 0 stays
 * zero (index 0 is padding in Keras). Load with `vocabulary` first to parse only the words needed.
 *
 * @example
 * const { matrix, found } = embeddingMatrix(kv, tokenizer.wordIndex, { numWords: 10000 });
 * matrix.shape; // → [10000, 100]
 * // new Embedding({ inputDim: 10000, outputDim: 100, trainable: false })
 * //   .setWeights([tf.tensor(matrix.data, matrix.shape)])
 */
export function embeddingMatrix(
  kv: KeyedVectors,
  wordIndex: WordIndex,
  options: EmbeddingMatrixOptions = {},
): EmbeddingMatrix {
  const entries = wordIndex instanceof Map ? [...wordIndex.entries()] : Object.entries(wordIndex);
  const { indexOffset = 0 } = options;
  if (!Number.isSafeInteger(indexOffset)) {
    throw new RangeError(
      `embeddingMatrix: indexOffset must be an integer. Received: indexOffset=${indexOffset}.`,
    );
  }
  for (const [word, index] of entries) {
    if (!(Number.isSafeInteger(index) && index + indexOffset >= 0)) {
      throw new RangeError(
        `embeddingMatrix: every index must be a non-negative integer. Received: ${JSON.stringify(word)}=${index}.`,
      );
    }
  }
  const numWords = options.numWords ?? entries.reduce((max, [, i]) => Math.max(max, i + indexOffset + 1), 1);
  if (!(Number.isSafeInteger(numWords) && numWords >= 1)) {
    throw new RangeError(
      `embeddingMatrix: numWords must be a positive integer. Received: numWords=${numWords}.`,
    );
  }
  const dim = kv.dim;
  const data = new Float32Array(numWords * dim);
  const missing: Array<[number, string]> = [];
  let found = 0;
  for (const [word, index] of entries) {
    const row = index + indexOffset;
    if (row === 0 || row >= numWords) continue;
    const vector = kv.get(word);
    if (vector === undefined) {
      missing.push([row, word]);
      continue;
    }
    data.set(vector, row * dim);
    found++;
  }
  missing.sort((a, b) => a[0] - b[0]);
  return { matrix: { data, shape: [numWords, dim] }, found, missing: missing.map(([, w]) => w) };
}
