import * as tf from '@tensorflow/tfjs-core';
import type { FixtureTensor } from './fixture-tensor';

/** Tolerances of {@link expectClose}: passes when `|a - b| <= atol + rtol * |b|` everywhere. */
export interface CloseOptions {
  /** @defaultValue 1e-4 */
  atol?: number;
  /** @defaultValue 1e-4 */
  rtol?: number;
  /** Prefix of the failure message (e.g. the case id). */
  label?: string;
}

type Comparable = tf.Tensor | FixtureTensor | ArrayLike<number> | number;

function flatten(v: Comparable): { data: ArrayLike<number>; shape: number[] | null } {
  if (typeof v === 'number') return { data: [v], shape: [] };
  if (v instanceof tf.Tensor) return { data: v.dataSync(), shape: v.shape.slice() };
  if ('shape' in v && 'data' in v && Array.isArray((v as FixtureTensor).shape)) {
    return { data: (v as FixtureTensor).data, shape: (v as FixtureTensor).shape };
  }
  return { data: v as ArrayLike<number>, shape: null };
}

/**
 * Asserts that two tensors (or fixture tensors, arrays, numbers) have the same shape and are elementwise
 * close; the error names the first offending index and the worst difference.
 *
 * @example
 * expectClose(tf.tensor([1, 2]), { shape: [2], data: [1, 2.00001] }, { atol: 1e-4 }); // passes
 */
export function expectClose(actual: Comparable, expected: Comparable, options: CloseOptions = {}): void {
  const { atol = 1e-4, rtol = 1e-4, label = 'expectClose' } = options;
  const a = flatten(actual);
  const b = flatten(expected);
  if (
    a.shape &&
    b.shape &&
    (a.shape.length !== b.shape.length || a.shape.some((d, i) => d !== b.shape?.[i]))
  ) {
    throw new Error(`${label}: shape must be [${b.shape}]. Received: shape=[${a.shape}].`);
  }
  if (a.data.length !== b.data.length) {
    throw new Error(`${label}: length must be ${b.data.length}. Received: length=${a.data.length}.`);
  }
  let bad = -1;
  let worst = 0;
  for (let i = 0; i < a.data.length; i++) {
    const diff = Math.abs(a.data[i] - b.data[i]);
    const ok =
      diff <= atol + rtol * Math.abs(b.data[i]) || (Number.isNaN(a.data[i]) && Number.isNaN(b.data[i]));
    if (!ok) {
      if (bad < 0) bad = i;
      worst = Math.max(worst, Number.isNaN(diff) ? Number.POSITIVE_INFINITY : diff);
    }
  }
  if (bad >= 0) {
    throw new Error(
      `${label}: values must be within atol=${atol}, rtol=${rtol}. Received: index ${bad} is ${a.data[bad]} vs expected ${b.data[bad]} (max |diff| ${worst}).`,
    );
  }
}
