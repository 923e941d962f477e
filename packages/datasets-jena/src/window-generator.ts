import { assertNonNegativeInteger, assertPositiveInteger } from '@tensorseq/utils';
import { intervalToMs, type RowsOrDuration, resolveRows } from './duration';
import type { NDArray } from './nd-array';
import { checkMatrix } from './normalize';
import { seededRandom } from './seeded-random';

/** Options of {@link windowGenerator}: the book's arguments, camelCased. Durations need `samplingInterval`. */
export interface WindowGeneratorOptions {
  /** How far back each sample looks (rows or a duration such as `'10d'`). */
  lookback: RowsOrDuration;
  /** How far ahead the target is (rows or a duration such as `'24h'`). */
  delay: RowsOrDuration;
  /** First row the windows may use. @defaultValue 0 */
  minIndex?: RowsOrDuration;
  /** Rows at or past this are never window ends. @defaultValue rows - delay - 1 (the book's `None`) */
  maxIndex?: RowsOrDuration | null;
  /** Draw window ends at random (with replacement) instead of in order. @defaultValue false */
  shuffle?: boolean;
  /** @defaultValue 128 */
  batchSize?: number;
  /** Sampling period inside a window (rows or a duration such as `'1h'`). @defaultValue 6 */
  step?: RowsOrDuration;
  /** Column predicted. @defaultValue 1 (temperature in the Keras file) */
  targetColumn?: number;
  /** Reverse each sample's time axis (the book's reversed-sequence experiment). @defaultValue false */
  reverse?: boolean;
  /** Seed of the shuffle. @defaultValue random */
  seed?: number;
  /** Stop after this many batches. @defaultValue endless, like the book's generator */
  steps?: number;
  /** The data's sampling interval, in ms or as a duration (`'10min'`); needed to use durations. */
  samplingInterval?: number | string;
}

/** One batch: `xs` is `[batch, lookback / step, features]`, `ys` is `[batch]`. */
export interface WindowBatch {
  xs: NDArray<Float32Array>;
  ys: NDArray<Float32Array>;
}

/** The options of {@link windowGenerator}, resolved to rows and checked. */
export interface ResolvedWindowOptions {
  lookback: number;
  delay: number;
  minIndex: number;
  maxIndex: number;
  shuffle: boolean;
  batchSize: number;
  step: number;
  targetColumn: number;
  reverse: boolean;
  seed: number | undefined;
  steps: number | undefined;
}

/**
 * The book's `generator` (listing 6.33), exactly: in order, window ends run from `minIndex + lookback`
 * and wrap back when `i + batchSize >= maxIndex`; shuffled, they are drawn uniformly from
 * `[minIndex + lookback, maxIndex)`; a sample holds rows `row - lookback, …, row - step` (every `step`),
 * its target is `data[row + delay][targetColumn]`. Endless unless `steps` is given.
 *
 * @param data - `[rows, features]` values (normalized, as in the book).
 * @param options - see {@link WindowGeneratorOptions}.
 * @returns a generator of `{ xs, ys }` batches.
 * @throws Error for options that leave no window (`minIndex + lookback >= maxIndex`), `minIndex >
 * maxIndex`, a `maxIndex` whose targets would run past the data, or a `lookback` that is not a multiple
 * of `step`.
 * @example
 * const train = windowGenerator(normalized, { lookback: '10d', step: '1h', delay: '24h', maxIndex: 200000,
 *   shuffle: true, samplingInterval: '10min', seed: 1 });
 * train.next().value.xs.shape // → [128, 240, 14]
 */
export function* windowGenerator(
  data: NDArray<Float32Array>,
  options: WindowGeneratorOptions,
): Generator<WindowBatch, void, undefined> {
  const o = resolveWindowOptions('windowGenerator', data, options);
  const [, width] = data.shape;
  const values = data.data;
  const length = o.lookback / o.step;
  const rand = seededRandom(o.seed);
  const low = o.minIndex + o.lookback;
  let i = low;
  for (let batch = 0; o.steps === undefined || batch < o.steps; batch++) {
    let rows: Int32Array;
    if (o.shuffle) {
      rows = new Int32Array(o.batchSize);
      for (let j = 0; j < rows.length; j++) rows[j] = low + Math.floor(rand() * (o.maxIndex - low));
    } else {
      if (i + o.batchSize >= o.maxIndex) i = low;
      const end = Math.min(i + o.batchSize, o.maxIndex);
      rows = new Int32Array(end - i);
      for (let j = 0; j < rows.length; j++) rows[j] = i + j;
      i += rows.length;
    }
    const xs = new Float32Array(rows.length * length * width);
    const ys = new Float32Array(rows.length);
    for (let j = 0; j < rows.length; j++) {
      for (let t = 0; t < length; t++) {
        const src = (rows[j] - o.lookback + t * o.step) * width;
        const slot = o.reverse ? length - 1 - t : t;
        xs.set(values.subarray(src, src + width), (j * length + slot) * width);
      }
      ys[j] = values[(rows[j] + o.delay) * width + o.targetColumn];
    }
    yield { xs: { data: xs, shape: [rows.length, length, width] }, ys: { data: ys, shape: [rows.length] } };
  }
}

/**
 * Resolves durations to rows and checks every option once, before any window is built.
 *
 * @example
 * resolveWindowOptions('windowGenerator', data, { lookback: 1440, delay: 144 }).maxIndex // → rows - 145
 */
export function resolveWindowOptions(
  owner: string,
  data: NDArray<Float32Array>,
  options: WindowGeneratorOptions,
): ResolvedWindowOptions {
  const [rows, width] = checkMatrix(owner, data);
  const interval = intervalToMs(owner, options.samplingInterval);
  const toRows = (name: string, value: RowsOrDuration) => resolveRows(owner, name, value, interval);
  const lookback = toRows('lookback', options.lookback);
  const delay = toRows('delay', options.delay);
  const step = toRows('step', options.step ?? 6);
  const minIndex = toRows('minIndex', options.minIndex ?? 0);
  const maxIndex = options.maxIndex == null ? rows - delay - 1 : toRows('maxIndex', options.maxIndex);
  const { shuffle = false, batchSize = 128, targetColumn = 1, reverse = false, seed, steps } = options;
  assertPositiveInteger(owner, 'lookback', lookback);
  assertNonNegativeInteger(owner, 'delay', delay);
  assertPositiveInteger(owner, 'step', step);
  assertNonNegativeInteger(owner, 'minIndex', minIndex);
  assertNonNegativeInteger(owner, 'maxIndex', maxIndex);
  assertPositiveInteger(owner, 'batchSize', batchSize);
  if (steps !== undefined) assertPositiveInteger(owner, 'steps', steps);
  if (!Number.isInteger(targetColumn) || targetColumn < 0 || targetColumn >= width) {
    throw new RangeError(
      `${owner}: targetColumn must be an integer in [0, ${width - 1}]. Received: targetColumn=${targetColumn}.`,
    );
  }
  if (lookback % step !== 0) {
    throw new RangeError(
      `${owner}: lookback must be a multiple of step (${step} rows). Received: lookback=${lookback}.`,
    );
  }
  if (minIndex > maxIndex) {
    throw new RangeError(
      `${owner}: minIndex must be at most maxIndex=${maxIndex}. Received: minIndex=${minIndex}.`,
    );
  }
  if (maxIndex + delay > rows) {
    throw new RangeError(
      `${owner}: maxIndex must be at most rows - delay = ${rows - delay}, so every target exists. Received: maxIndex=${maxIndex}.`,
    );
  }
  if (minIndex + lookback >= maxIndex) {
    throw new RangeError(
      `${owner}: minIndex + lookback must be less than maxIndex=${maxIndex} to leave a window. Received: minIndex=${minIndex}, lookback=${lookback}.`,
    );
  }
  return {
    lookback,
    delay,
    minIndex,
    maxIndex,
    shuffle,
    batchSize,
    step,
    targetColumn,
    reverse,
    seed,
    steps,
  };
}
