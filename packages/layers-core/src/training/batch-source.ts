import * as tf from '@tensorflow/tfjs-core';
import type { SeedStream } from '../random';
import { type HostArray, type ModelData, takeRows, toTensorData } from './host-array';

/** One batch as a generator yields it. */
export interface Batch {
  xs: ModelData;
  ys: ModelData;
}

/**
 * A tfjs-data `Dataset` of `{ xs, ys }` batches, or anything with the same `iterator()` method (structural, so
 * layers-core needs no dependency on @tensorflow/tfjs-data).
 */
export interface DatasetLike {
  iterator(): Promise<{ next(): Promise<IteratorResult<Batch>> }>;
}

/**
 * A (possibly async, possibly infinite) source of batches, like the Keras generators of the Jena chapter, or a
 * tfjs-data `Dataset` (Keras' `fit(tf.data.Dataset)`).
 */
export type BatchGenerator =
  | Iterator<Batch>
  | AsyncIterator<Batch>
  | Iterable<Batch>
  | AsyncIterable<Batch>
  | DatasetLike
  | (() => Iterator<Batch> | AsyncIterator<Batch>);

/** Batches for one epoch of training or validation; `next` returns null when a generator is exhausted. */
export interface BatchSource {
  /** Batches per epoch, or null for "until the source is exhausted" (a fresh pass each epoch). */
  readonly steps: number | null;
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

function isDatasetLike(value: object): value is DatasetLike {
  return typeof (value as DatasetLike).iterator === 'function' && !(Symbol.asyncIterator in value);
}

function toIterator(gen: BatchGenerator): Iterator<Batch> | AsyncIterator<Batch> {
  if (typeof gen === 'function') return gen();
  if (isDatasetLike(gen)) {
    let opened: Promise<{ next(): Promise<IteratorResult<Batch>> }> | null = null;
    return {
      async next() {
        opened ??= gen.iterator();
        return (await opened).next();
      },
    };
  }
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
    typeof (value as DatasetLike).iterator === 'function' ||
    Symbol.asyncIterator in value ||
    Symbol.iterator in value
  );
}

/**
 * Batches pulled from a generator or dataset. With `steps`, that many per epoch and the same iterator continues
 * across epochs (Keras' `fit_generator` semantics for infinite generators). With `steps: null`, each epoch is
 * one full pass: the source is reopened at the start of every epoch (Keras' `fit(dataset)`); a one-shot
 * iterator then yields nothing after the first epoch.
 *
 * @example
 * const src = generatorSource(windowGenerator(data, opts), 500, 'fit');
 */
export function generatorSource(gen: BatchGenerator, steps: number | null, owner: string): BatchSource {
  // A tfjs-data Dataset hands each element to its consumer (it clones on every pass): we own and dispose it.
  const owned = typeof gen === 'object' && isDatasetLike(gen);
  let it = toIterator(gen);
  let fresh = true;
  return {
    steps,
    samples: null,
    beginEpoch() {
      if (steps === null && !fresh) it = toIterator(gen);
      fresh = false;
    },
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
        d instanceof tf.Tensor ? (owned ? d : tf.clone(d)) : toTensorData(d, owner, arg);
      return { x: own(xs, 'xs'), y: own(ys, 'ys') };
    },
  };
}
