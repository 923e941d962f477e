import { padSequences } from '@tensorseq/text-vectorize';
import type { ReviewSplit } from './synthetic-reviews';

/** A split ready for `fit`: padded word ids `[n, maxlen]` and labels `[n, 1]`. */
export interface ReviewTensors {
  x: { data: Int32Array; shape: number[] };
  y: { data: Float32Array; shape: number[] };
}

/** Options of {@link reviewTensors}. */
export interface ReviewTensorsOptions {
  /** Words kept per review: `pad_sequences(maxlen=…)`, which keeps the last ones. */
  maxlen: number;
  /** Reverse every review first (`[x[::-1] for x in x_train]`, section 6.3.8). @defaultValue false */
  reverse?: boolean;
  /** Keep only the first `limit` reviews (`--steps`). @defaultValue all */
  limit?: number;
}

/**
 * The book's preprocessing of `imdb.load_data`'s sequences: optionally reversed, then
 * `pad_sequences(maxlen)` (pre-padding and pre-truncation, Keras' defaults).
 *
 * @param split - sequences and labels.
 * @param options - length, direction, row limit.
 * @returns `{ x, y }` as `{ data, shape }` arrays.
 * @example
 * reviewTensors({ sequences: [[1, 5, 6]], labels: Int32Array.of(1) }, { maxlen: 2, reverse: true }).x.data;
 * // → Int32Array [5, 1]
 */
export function reviewTensors(split: ReviewSplit, options: ReviewTensorsOptions): ReviewTensors {
  const { maxlen, reverse = false, limit = split.sequences.length } = options;
  const rows = split.sequences.slice(0, limit);
  const x = padSequences(reverse ? rows.map((s) => [...s].reverse()) : rows, { maxlen });
  const y = Float32Array.from(split.labels.subarray(0, rows.length));
  return { x, y: { data: y, shape: [rows.length, 1] } };
}
