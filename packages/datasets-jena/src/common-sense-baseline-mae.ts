import type { NDArray } from './nd-array';
import { resolveWindowOptions, type WindowGeneratorOptions, windowGenerator } from './window-generator';

/** Options of {@link commonSenseBaselineMae}: the validation generator's, plus the scale to °C. */
export interface CommonSenseBaselineOptions
  extends Omit<WindowGeneratorOptions, 'shuffle' | 'reverse' | 'seed'> {
  /** Per-column standard deviations used to normalize (e.g. `normalize(...).std`), to report °C. */
  std?: ArrayLike<number>;
}

/** What {@link commonSenseBaselineMae} returns. */
export interface CommonSenseBaselineResult {
  /** Mean of the per-batch MAEs, in the data's (normalized) units. */
  mae: number;
  /** `mae × std[targetColumn]`: °C for the temperature column, when `std` is given. */
  maeCelsius: number | undefined;
  /** Batches evaluated. */
  batches: number;
}

/**
 * The book's common-sense, non-machine-learning baseline (`evaluate_naive_method`): predict that the
 * temperature `delay` from now equals the last one in the window (`samples[:, -1, targetColumn]`), and
 * average the per-batch mean absolute errors over `steps` in-order batches (default, as in the book:
 * `(maxIndex - minIndex - lookback) // batchSize`).
 *
 * @param data - normalized `[rows, features]` values.
 * @param options - the validation generator's options (`minIndex: 200001, maxIndex: 300000` in the book).
 * @returns the MAE in normalized units and, with `std`, in °C.
 * @example
 * commonSenseBaselineMae(normalized, { lookback: 1440, step: 6, delay: 144, minIndex: 200001, maxIndex: 300000, std })
 * // → { mae: 0.29, maeCelsius: 2.57, batches: 769 }
 */
export function commonSenseBaselineMae(
  data: NDArray<Float32Array>,
  options: CommonSenseBaselineOptions,
): CommonSenseBaselineResult {
  const { std, ...windowOptions } = options;
  const o = resolveWindowOptions('commonSenseBaselineMae', data, windowOptions);
  const steps = options.steps ?? Math.floor((o.maxIndex - o.minIndex - o.lookback) / o.batchSize);
  if (!(steps >= 1)) {
    throw new RangeError(
      `commonSenseBaselineMae: steps must be at least 1. Received: steps=${steps} (maxIndex - minIndex - lookback < batchSize).`,
    );
  }
  const width = data.shape[1];
  let sum = 0;
  let batches = 0;
  for (const { xs, ys } of windowGenerator(data, { ...windowOptions, shuffle: false, steps })) {
    const [n, length] = xs.shape;
    let batchSum = 0;
    for (let j = 0; j < n; j++) {
      const last = xs.data[(j * length + length - 1) * width + o.targetColumn];
      batchSum += Math.abs(last - ys.data[j]);
    }
    sum += batchSum / n;
    batches++;
  }
  const mae = sum / batches;
  return { mae, maeCelsius: std === undefined ? undefined : mae * std[o.targetColumn], batches };
}
