import type { NDArray } from './nd-array';

/** Options of {@link normalize}. */
export interface NormalizeOptions {
  /** Statistics come from the first `rows` rows only (the training split). @defaultValue all rows */
  rows?: number;
}

/** Per-column statistics, to normalize other data the same way or to undo it. */
export interface NormalizationStats {
  mean: Float64Array;
  /** Population standard deviation (NumPy's default `ddof=0`). */
  std: Float64Array;
}

/**
 * Centers and scales each column with the mean and standard deviation of the first `rows` rows, as the
 * book does (`mean = float_data[:200000].mean(axis=0)` …). Returns a new array and the statistics, so
 * predictions can be turned back into °C with {@link denormalize}.
 *
 * @param data - `[rows, features]` values.
 * @param options - `rows` used for the statistics.
 * @returns the normalized copy plus `mean` and `std`.
 * @throws RangeError when `rows` is not an integer in [1, data rows].
 * @example
 * const { data, mean, std } = normalize(jena.data, { rows: 200000 });
 * std[1] // → 8.85 (°C, the temperature column of the 10-minute file)
 */
export function normalize(
  data: NDArray<Float32Array>,
  options: NormalizeOptions = {},
): NormalizationStats & { data: NDArray<Float32Array> } {
  const [total, width] = checkMatrix('normalize', data);
  const { rows = total } = options;
  if (!Number.isInteger(rows) || rows < 1 || rows > total) {
    throw new RangeError(`normalize: rows must be an integer in [1, ${total}]. Received: rows=${rows}.`);
  }
  const mean = new Float64Array(width);
  const std = new Float64Array(width);
  const values = data.data;
  for (let r = 0; r < rows; r++) for (let c = 0; c < width; c++) mean[c] += values[r * width + c];
  for (let c = 0; c < width; c++) mean[c] /= rows;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < width; c++) {
      const d = values[r * width + c] - mean[c];
      std[c] += d * d;
    }
  }
  for (let c = 0; c < width; c++) std[c] = Math.sqrt(std[c] / rows);
  const out = new Float32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const c = i % width;
    out[i] = (values[i] - mean[c]) / std[c];
  }
  return { data: { data: out, shape: [total, width] }, mean, std };
}

/**
 * Undoes {@link normalize} for values of one column (e.g. predicted temperatures back to °C).
 *
 * @param values - normalized values of column `column`.
 * @param stats - the statistics {@link normalize} returned.
 * @param column - which column the values belong to.
 * @example
 * denormalize([0.5], stats, 1) // → Float64Array [mean[1] + 0.5 * std[1]]
 */
export function denormalize(
  values: ArrayLike<number>,
  stats: NormalizationStats,
  column: number,
): Float64Array {
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = values[i] * stats.std[column] + stats.mean[column];
  return out;
}

/** Checks a 2-D NDArray and returns its `[rows, columns]`. */
export function checkMatrix(owner: string, data: NDArray<Float32Array>): [number, number] {
  const shape = data?.shape;
  if (!Array.isArray(shape) || shape.length !== 2 || shape[0] * shape[1] !== data.data?.length) {
    throw new TypeError(
      `${owner}: data must be a 2-D NDArray { data, shape: [rows, features] }. Received: shape=${JSON.stringify(shape)}.`,
    );
  }
  return [shape[0], shape[1]];
}
