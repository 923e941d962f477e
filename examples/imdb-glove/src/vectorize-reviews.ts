import { type NDArray, padSequences, type Tokenizer } from '@tensorseq/text-vectorize';

/** Padded sequences and their labels: what `fit` and `evaluate` take. */
export interface LabeledSequences {
  /** `[samples, maxlen]` word indices. */
  x: NDArray<Int32Array>;
  /** `[samples]` labels, 0 or 1. */
  y: NDArray<Float32Array>;
}

/**
 * Turns texts into the model's input, as listings 6.8–6.9 and 6.16 do: `tokenizer.textsToSequences`,
 * then `pad_sequences(maxlen)` with Keras' defaults (pre-padding, pre-truncation: a long review keeps
 * its last `maxlen` words).
 *
 * @param tokenizer - a Tokenizer already fitted on the training texts.
 * @param texts - the reviews.
 * @param labels - one label per review.
 * @param maxlen - words kept per review.
 * @example
 * const { x, y } = vectorizeReviews(tokenizer, ['a fine film'], Int32Array.of(1), 100);
 * x.shape; // → [1, 100]
 */
export function vectorizeReviews(
  tokenizer: Tokenizer,
  texts: readonly string[],
  labels: ArrayLike<number>,
  maxlen: number,
): LabeledSequences {
  if (labels.length !== texts.length) {
    throw new RangeError(
      `vectorizeReviews: labels must have one entry per text (${texts.length}). Received: labels.length=${labels.length}.`,
    );
  }
  const x = padSequences(tokenizer.textsToSequences(texts), { maxlen });
  return { x, y: { data: Float32Array.from(labels), shape: [labels.length] } };
}

/**
 * Takes rows `order[start … end-1]` of a data set, in that order: the book's
 * `data[indices]` then `x_train = data[:200]`, `x_val = data[200:10200]`.
 *
 * @param data - the whole data set.
 * @param order - a permutation of its rows.
 * @param start - first position in `order`.
 * @param end - one past the last position.
 * @example
 * const train = takeRows(all, seededPermutation(25000, 42), 0, 200);
 * train.x.shape; // → [200, 100]
 */
export function takeRows(
  data: LabeledSequences,
  order: Int32Array,
  start: number,
  end: number,
): LabeledSequences {
  const width = data.x.shape[1];
  const rows = order.subarray(start, end);
  const x = new Int32Array(rows.length * width);
  const y = new Float32Array(rows.length);
  rows.forEach((row, i) => {
    x.set(data.x.data.subarray(row * width, (row + 1) * width), i * width);
    y[i] = data.y.data[row];
  });
  return { x: { data: x, shape: [rows.length, width] }, y: { data: y, shape: [rows.length] } };
}
