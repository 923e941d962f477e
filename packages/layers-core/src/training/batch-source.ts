import * as tf from '@tensorflow/tfjs-core';
import type { SeedStream } from '../random';
import { type HostArray, type ModelData, takeRows, toTensorData } from './host-array';

/** One batch as a generator yields it. */
export interface Batch {
  xs: ModelData;
  ys: ModelData;
}

/** A (possibly async, possibly infinite) source of batches, like the Keras generators of the Jena chapter. */
export type BatchGenerator =
  | Iterator<Batch>
  | AsyncIterator<Batch>
  | Iterable<Batch>
  | AsyncIterable<Batch>
  | (() => Iterator<Batch> | AsyncIterator<Batch>);

/** Batches for one epoch of training or validation; `next` returns null when a generator is exhausted. */
export interface BatchSource {
  readonly steps: number;
  readonly samples: number | null;
  beginEpoch(): void;
  next(step: number): Promise<{ x: tf.Tensor; y: tf.Tensor } | null>;
}

/** A random permutation of `0..n-1` (Fisher-Yates) drawn from a seed stream. */
export function permutation(n: number, seeds: SeedStream): Int32Array {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(seeds.nextFloat() * (i + 1));
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
  return order;
}

/**
 * Batches over in-memory arrays (rows `[start, end)` of x and y), reshuffled at each epoch when asked.
 *
 * @example
 * const src = arraySource(x, y, { batchSize: 32, shuffle: true, seeds: new SeedStream(1) });
 */
export function arraySource(
  x: HostArray,
  y: HostArray,
  options: { batchSize: number; shuffle: boolean; seeds: SeedStream },
): BatchSource {
  const n = x.shape[0];
  const { batchSize, shuffle, seeds } = options;
  let order: Int32Array | null = null;
  return {
    steps: Math.ceil(n / batchSize),
    samples: n,
    beginEpoch() {
      if (shuffle) order = permutation(n, seeds);
    },
    async next(step) {
      const start = step * batchSize;
      const end = Math.min(n, start + batchSize);
      return { x: takeRows(x, order, start, end), y: takeRows(y, order, start, end) };
    },
  };
}

function toIterator(gen: BatchGenerator): Iterator<Batch> | AsyncIterator<Batch> {
  if (typeof gen === 'function') return gen();
  if (Symbol.asyncIterator in gen) return (gen as AsyncIterable<Batch>)[Symbol.asyncIterator]();
  if (Symbol.iterator in gen) return (gen as Iterable<Batch>)[Symbol.iterator]();
  return gen as Iterator<Batch>;
}

/** True when `value` looks like a batch generator rather than data. */
export function isBatchGenerator(value: unknown): value is BatchGenerator {
  if (value === null || typeof value !== 'object') return typeof value === 'function';
  if (Array.isArray(value) || value instanceof tf.Tensor || 'shape' in value) return false;
  return (
    typeof (value as Iterator<Batch>).next === 'function' ||
    Symbol.asyncIterator in value ||
    Symbol.iterator in value
  );
}

/**
 * Batches pulled from a generator, `steps` per epoch; the same iterator continues across epochs (Keras'
 * `fit_generator` semantics for infinite generators).
 *
 * @example
 * const src = generatorSource(windowGenerator(data, opts), 500, 'fit');
 */
export function generatorSource(gen: BatchGenerator, steps: number, owner: string): BatchSource {
  const it = toIterator(gen);
  return {
    steps,
    samples: null,
    beginEpoch() {},
    async next() {
      const r = await it.next();
      if (r.done) return null;
      const { xs, ys } = (r.value ?? {}) as Batch;
      if (xs === undefined || ys === undefined) {
        throw new TypeError(
          `${owner}: generator batches must be { xs, ys }. Received: a batch without xs or ys.`,
        );
      }
      // Clones share the data; disposing them after the step leaves the caller's own tensors alive.
      const own = (d: ModelData, arg: string) =>
        d instanceof tf.Tensor ? tf.clone(d) : toTensorData(d, owner, arg);
      return { x: own(xs, 'xs'), y: own(ys, 'ys') };
    },
  };
}
