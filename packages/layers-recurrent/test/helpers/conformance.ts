import type * as tf from '@tensorflow/tfjs-core';
import {
  expectClose as expectCloseTo,
  type FixtureTensor,
  loadConformance as loadFixtureFile,
} from '@tensorseq/test-utils';

export { type FixtureTensor, toTensor } from '@tensorseq/test-utils';

/** One case of a per-layer recurrent fixture file. */
export interface RecurrentCase {
  id: string;
  layer: string;
  config: Record<string, string | number | boolean | null>;
  inputs: { x: FixtureTensor; mask?: FixtureTensor };
  weights: (FixtureTensor & { name: string })[];
  output: FixtureTensor;
  final_states: FixtureTensor[];
  loss: { R: FixtureTensor; value: number };
  grads: Record<string, FixtureTensor>;
}

/** Loads every case of `layers/<file>.json` from the shared conformance suite. */
export function loadConformance<T = RecurrentCase>(file: string): T[] {
  return loadFixtureFile<{ cases: T[] }>(`layers/${file}`).cases;
}

/** The README's float32-vs-float64 tolerances. */
export const OUTPUT_TOL = { atol: 1e-4, rtol: 1e-4 };
export const GRAD_TOL = { atol: 2e-4, rtol: 1e-3 };

/** Asserts `|a - e| <= atol + rtol * |e|` elementwise (test-utils' check), naming the value in failures. */
export function expectClose(
  actual: tf.Tensor,
  expected: FixtureTensor,
  tol: { atol: number; rtol: number },
  label: string,
): void {
  expectCloseTo(actual, expected, { ...tol, label });
}
