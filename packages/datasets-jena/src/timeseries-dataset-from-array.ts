import { assertPositiveInteger } from '@tensorseq/utils';
import type { NDArray } from './nd-array';
import { seededRandom } from './seeded-random';

/** Options of {@link timeseriesDatasetFromArray}, Keras' arguments camelCased. */
export interface TimeseriesDatasetOptions {
  /** Samples per window. */
  sequenceLength: number;
  /** Rows between the starts of consecutive windows. @defaultValue 1 */
  sequenceStride?: number;
  /** Rows between consecutive samples of a window. @defaultValue 1 */
  samplingRate?: number;
  /** @defaultValue 128 */
  batchSize?: number;
  /** Shuffle the window order once, at creation (Keras' global shuffle). @defaultValue false */
  shuffle?: boolean;
  /** Seed of the shuffle. @defaultValue random */
  seed?: number;
  /** First row used. @defaultValue 0 */
  startIndex?: number;
  /** Rows at or past this are not used. @defaultValue rows */
  endIndex?: number;
}

/** One batch: `xs` is `[batch, sequenceLength, ...features]`; `ys` the targets of the window starts. */
export interface TimeseriesBatch {
  xs: NDArray<Float32Array>;
  ys: NDArray<Float32Array> | undefined;
}

/** A re-iterable dataset of batches (the same order on every pass). */
export interface TimeseriesDataset extends Iterable<TimeseriesBatch> {
  /** Batches per pass. */
  readonly length: number;
  /** Window start offsets (relative to `startIndex`), in iteration order. */
  readonly startPositions: Int32Array;
}

/**
 * Keras' `timeseries_dataset_from_array`: windows of `sequenceLength` samples taken every `samplingRate`
 * rows, starting every `sequenceStride` rows, within `[startIndex, endIndex)`. The target of a window is
 * `targets[startIndex + start]` — the row where the window **starts** — so to forecast, pass targets
 * shifted by the lead time (e.g. `targets = data[lookback + delay:]`). With `shuffle`, the window order is
 * shuffled once with `seed` (Keras' additional per-epoch buffer shuffle is not reproduced).
 *
 * @param data - `[rows, ...]` values.
 * @param targets - one target per row (ArrayLike or NDArray), or `null` for inputs only.
 * @param options - see {@link TimeseriesDatasetOptions}.
 * @returns a re-iterable dataset of `{ xs, ys }` batches with its `length`.
 * @throws RangeError for invalid indices, strides or rates, or options that leave no window.
 * @example
 * const ds = timeseriesDatasetFromArray({ data: Float32Array.from({ length: 20 }, (_, i) => i), shape: [20] },
 *   Float32Array.from({ length: 10 }, (_, i) => i + 10), { sequenceLength: 10 });
 * [...ds][0].xs.data // → [0, 1, …, 9] and ys.data → [10]
 */
export function timeseriesDatasetFromArray(
  data: NDArray<Float32Array>,
  targets: ArrayLike<number> | NDArray<Float32Array> | null,
  options: TimeseriesDatasetOptions,
): TimeseriesDataset {
  const owner = 'timeseriesDatasetFromArray';
  const rows = data.shape[0];
  const rowSize = data.shape.slice(1).reduce((a, b) => a * b, 1);
  if (!(rows >= 1) || data.data.length !== rows * rowSize) {
    throw new RangeError(
      `${owner}: data must be a non-empty NDArray. Received: shape=${JSON.stringify(data.shape)}.`,
    );
  }
  const {
    sequenceLength,
    sequenceStride = 1,
    samplingRate = 1,
    batchSize = 128,
    shuffle = false,
    seed,
    startIndex = 0,
    endIndex = rows,
  } = options;
  const positive = (name: string, value: number) => assertPositiveInteger(owner, name, value);
  positive('sequenceLength', sequenceLength);
  positive('sequenceStride', sequenceStride);
  positive('samplingRate', samplingRate);
  positive('batchSize', batchSize);
  if (!Number.isInteger(startIndex) || startIndex < 0 || startIndex >= rows) {
    throw new RangeError(
      `${owner}: startIndex must be an integer in [0, ${rows - 1}]. Received: startIndex=${startIndex}.`,
    );
  }
  if (!Number.isInteger(endIndex) || endIndex <= startIndex || endIndex > rows) {
    throw new RangeError(
      `${owner}: endIndex must be an integer in (startIndex=${startIndex}, ${rows}]. Received: endIndex=${endIndex}.`,
    );
  }
  const targetValues = targets === null ? undefined : 'shape' in targets ? targets.data : targets;
  const targetShape = targets === null ? [] : 'shape' in targets ? targets.shape : [targets.length];
  const targetRows = targetShape[0] ?? 0;
  const targetSize = targetShape.slice(1).reduce((a, b) => a * b, 1);
  let numSeqs = endIndex - startIndex - (sequenceLength - 1) * samplingRate;
  if (targetValues !== undefined) numSeqs = Math.min(numSeqs, targetRows - startIndex);
  if (numSeqs <= 0) {
    throw new RangeError(
      `${owner}: sequenceLength must fit in [startIndex, endIndex) and the targets. Received: sequenceLength=${sequenceLength} (no window left).`,
    );
  }
  const startPositions = new Int32Array(Math.ceil(numSeqs / sequenceStride));
  for (let i = 0; i < startPositions.length; i++) startPositions[i] = i * sequenceStride;
  if (shuffle) fisherYates(startPositions, seededRandom(seed));
  const length = Math.ceil(startPositions.length / batchSize);
  function* batches(): Generator<TimeseriesBatch> {
    for (let b = 0; b < length; b++) {
      const starts = startPositions.subarray(b * batchSize, (b + 1) * batchSize);
      const xs = new Float32Array(starts.length * sequenceLength * rowSize);
      for (let j = 0; j < starts.length; j++) {
        for (let t = 0; t < sequenceLength; t++) {
          const src = (startIndex + starts[j] + t * samplingRate) * rowSize;
          xs.set(data.data.subarray(src, src + rowSize), (j * sequenceLength + t) * rowSize);
        }
      }
      let ys: NDArray<Float32Array> | undefined;
      if (targetValues !== undefined) {
        const out = new Float32Array(starts.length * targetSize);
        for (let j = 0; j < starts.length; j++) {
          for (let k = 0; k < targetSize; k++)
            out[j * targetSize + k] = targetValues[(startIndex + starts[j]) * targetSize + k];
        }
        ys = { data: out, shape: [starts.length, ...targetShape.slice(1)] };
      }
      yield { xs: { data: xs, shape: [starts.length, sequenceLength, ...data.shape.slice(1)] }, ys };
    }
  }
  return { length, startPositions, [Symbol.iterator]: batches };
}

function fisherYates(values: Int32Array, rand: () => number): void {
  for (let i = values.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const t = values[i];
    values[i] = values[j];
    values[j] = t;
  }
}
