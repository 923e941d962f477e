// Test helpers: read the shared conformance fixtures and compare within the README's float32 tolerances.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs-core';
import { expect } from 'vitest';

export interface FixtureTensor {
  shape: number[];
  data: number[];
}

export interface LayerCase {
  id: string;
  layer: string;
  config: Record<string, unknown>;
  inputs: { x: FixtureTensor; mask?: FixtureTensor };
  weights: (FixtureTensor & { name: string })[];
  output: FixtureTensor;
  loss: { R: FixtureTensor; value: number };
  grads: Record<string, FixtureTensor>;
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', 'shared', 'conformance');

/** Parses `../shared/conformance/<file>` (relative to the repository root). */
export function loadConformance<T>(file: string): T {
  return JSON.parse(readFileSync(join(root, file), 'utf8')) as T;
}

export function toTensor(t: FixtureTensor): tf.Tensor {
  return tf.tensor(t.data, t.shape, 'float32');
}

/** `|a - b| <= atol + rtol·|b|` elementwise, shapes equal. */
export function expectClose(actual: tf.Tensor, expected: FixtureTensor, atol: number, rtol: number): void {
  expect(actual.shape).toEqual(expected.shape);
  const a = actual.dataSync();
  let worst = 0;
  let worstAt = -1;
  expected.data.forEach((b, i) => {
    const excess = Math.abs(a[i] - b) - (atol + rtol * Math.abs(b));
    if (excess > worst) {
      worst = excess;
      worstAt = i;
    }
  });
  expect(worstAt, `index ${worstAt}: ${a[worstAt]} vs ${expected.data[worstAt]}`).toBe(-1);
}

/** Output tolerance of the conformance README. */
export const OUT_TOL = [1e-4, 1e-4] as const;
/** Gradient tolerance of the conformance README. */
export const GRAD_TOL = [2e-4, 1e-3] as const;
