/** The Jena subset in public/data (see scripts/extract-jena-subset.ts). */
export interface JenaSubset {
  columns: string[];
  start: string;
  intervalHours: number;
  rows: number;
  /** `[rows][features]`. */
  values: number[][];
}

/** Options of {@link jenaWindows}. */
export interface JenaWindowsOptions {
  /** Samples each window looks back over. */
  lookback: number;
  /** How many samples after a window's last one the target temperature is. */
  delay: number;
  /** Rows `[trainEnd, rows)` are for validation; the normalization uses the rows before. */
  trainEnd: number;
  /** Take one training window every `trainStride` rows (validation: every `2 × trainStride`). */
  trainStride: number;
}

/** Inputs `[n, lookback, features]` and normalized temperature targets `[n, 1]`. */
export interface WindowSet {
  x: { data: Float32Array; shape: number[] };
  y: { data: Float32Array; shape: number[] };
}

/** Training and validation windows, the temperature's scale, and the common-sense baseline. */
export interface JenaWindows {
  train: WindowSet;
  validation: WindowSet;
  /** The temperature's standard deviation over the training rows (°C per normalized unit). */
  temperatureStd: number;
  temperatureMean: number;
  /** MAE on the validation windows of "the temperature in 24 h equals the last one", normalized. */
  baselineMae: number;
}

/**
 * Section 6.3's preparation at browser size: normalize every feature with the training rows' mean and
 * std, then cut windows of `lookback` samples whose target is the temperature `delay` samples after the
 * window, and measure the common-sense baseline on the validation windows.
 *
 * @param subset - the rows.
 * @param options - window sizes and the split.
 * @returns training and validation windows, the temperature's scale and the baseline MAE.
 * @example
 * const w = jenaWindows(subset, { lookback: 40, delay: 8, trainEnd: 2920, trainStride: 1 });
 * w.train.x.shape; // → [2873, 40, 6]
 */
export function jenaWindows(subset: JenaSubset, options: JenaWindowsOptions): JenaWindows {
  const { lookback, delay, trainEnd, trainStride } = options;
  const t = subset.columns.findIndex((c) => c.startsWith('T '));
  if (t < 0)
    throw new Error(`jenaWindows: subset.columns must hold "T (degC)". Received: ${subset.columns}.`);
  const { mean, std } = columnStats(subset.values.slice(0, trainEnd));
  const rows = subset.values.map((row) => row.map((v, j) => (v - mean[j]) / std[j]));
  for (const [name, count] of [
    ['training', trainEnd],
    ['validation', rows.length - trainEnd],
  ] as const) {
    if (count < lookback + delay) {
      throw new RangeError(
        `jenaWindows: the ${name} rows must hold at least one window of lookback + delay = ${lookback + delay} rows. Received: ${count} rows.`,
      );
    }
  }
  const train = windows(rows, t, lookback, delay, 0, trainEnd, trainStride);
  const validation = windows(rows, t, lookback, delay, trainEnd, rows.length, 2 * trainStride);
  return {
    train,
    validation,
    temperatureStd: std[t],
    temperatureMean: mean[t],
    baselineMae: baseline(validation, t, lookback),
  };
}

function columnStats(rows: number[][]): { mean: number[]; std: number[] } {
  const features = rows[0].length;
  const mean = Array.from({ length: features }, (_, j) => rows.reduce((s, r) => s + r[j], 0) / rows.length);
  const std = mean.map((m, j) => Math.sqrt(rows.reduce((s, r) => s + (r[j] - m) ** 2, 0) / rows.length));
  return { mean, std };
}

function windows(
  rows: number[][],
  target: number,
  lookback: number,
  delay: number,
  from: number,
  to: number,
  stride: number,
): WindowSet {
  const features = rows[0].length;
  const starts: number[] = [];
  for (let s = from; s + lookback + delay <= to; s += stride) starts.push(s);
  const x = new Float32Array(starts.length * lookback * features);
  const y = new Float32Array(starts.length);
  starts.forEach((s, i) => {
    for (let k = 0; k < lookback; k++) x.set(rows[s + k], (i * lookback + k) * features);
    y[i] = rows[s + lookback + delay - 1][target];
  });
  return {
    x: { data: x, shape: [starts.length, lookback, features] },
    y: { data: y, shape: [starts.length, 1] },
  };
}

function baseline(set: WindowSet, target: number, lookback: number): number {
  const [n, , features] = set.x.shape;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const last = set.x.data[(i * lookback + lookback - 1) * features + target];
    sum += Math.abs(set.y.data[i] - last);
  }
  return sum / n;
}
