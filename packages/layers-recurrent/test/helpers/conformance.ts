import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs-core';
import { expect } from 'vitest';

/** A fixture tensor: flat row-major data with its shape. */
export interface FixtureTensor {
  shape: number[];
  data: number[];
}

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

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = join(here, '..', '..', '..', '..');
/** The shared fixtures live next to the repository root (`<repo>/../shared`), or inside a copy of it. */
const conformanceRoot = [
  join(repoRoot, '..', 'shared', 'conformance'),
  join(repoRoot, 'shared', 'conformance'),
].find((dir) => existsSync(dir)) as string;

/** Loads every case of `layers/<file>.json`. */
export function loadConformance<T = RecurrentCase>(file: string): T[] {
  const json = JSON.parse(readFileSync(join(conformanceRoot, 'layers', `${file}.json`), 'utf8')) as {
    cases: T[];
  };
  return json.cases;
}

/** A fixture tensor as a float32 tfjs tensor. */
export function toTensor(t: FixtureTensor): tf.Tensor {
  return tf.tensor(t.data, t.shape, 'float32');
}

/** The README's float32-vs-float64 tolerances. */
export const OUTPUT_TOL = { atol: 1e-4, rtol: 1e-4 };
export const GRAD_TOL = { atol: 2e-4, rtol: 1e-3 };

/** Asserts `|a - e| <= atol + rtol * |e|` elementwise, naming the first failing index. */
export function expectClose(
  actual: tf.Tensor,
  expected: FixtureTensor,
  tol: { atol: number; rtol: number },
  label: string,
): void {
  expect(actual.shape, `${label} shape`).toEqual(expected.shape);
  const a = actual.dataSync();
  let worst = -1;
  let worstExcess = 0;
  expected.data.forEach((e, i) => {
    const excess = Math.abs(a[i] - e) - (tol.atol + tol.rtol * Math.abs(e));
    if (excess > worstExcess || Number.isNaN(a[i])) {
      worstExcess = Number.isNaN(a[i]) ? Number.POSITIVE_INFINITY : excess;
      worst = i;
    }
  });
  expect(worst === -1 ? '' : `${label}[${worst}]: got ${a[worst]}, expected ${expected.data[worst]}`).toBe(
    '',
  );
}
