import * as tf from '@tensorflow/tfjs-core';

/** Numbers nested to any depth (`[[1, 2], [3, 4]]`). */
export type NestedArray = number | NestedArray[];

/** A framework-free array with a shape (`@tensorseq/text-vectorize` and the datasets return these). */
export interface NDArrayLike {
  data: ArrayLike<number>;
  shape: number[];
}

/** What `fit`, `evaluate` and `predict` accept as data. */
export type ModelData = tf.Tensor | NDArrayLike | NestedArray[];

/** Training data held on the host as one typed array, so batches are row copies rather than tensor ops. */
export interface HostArray {
  data: Float32Array | Int32Array;
  shape: number[];
  dtype: 'float32' | 'int32';
}

function isIntegerTyped(a: unknown): boolean {
  return (
    a instanceof Int32Array ||
    a instanceof Int16Array ||
    a instanceof Int8Array ||
    a instanceof Uint16Array ||
    a instanceof Uint8Array ||
    a instanceof Uint8ClampedArray
  );
}

function nestedShape(a: NestedArray[]): number[] {
  const shape: number[] = [];
  let level: NestedArray = a;
  while (Array.isArray(level)) {
    shape.push(level.length);
    level = level[0];
  }
  return shape;
}

/**
 * Copies any accepted data form into a {@link HostArray} (integer typed arrays and int32 tensors stay
 * int32, everything else becomes float32).
 *
 * @example
 * toHostArray([[1, 2], [3, 4]], 'fit', 'x') // → { data: Float32Array [1, 2, 3, 4], shape: [2, 2], dtype: 'float32' }
 */
export function toHostArray(input: ModelData, owner: string, arg: string): HostArray {
  if (input instanceof tf.Tensor) {
    const dtype = input.dtype === 'int32' || input.dtype === 'bool' ? 'int32' : 'float32';
    const values = input.dataSync();
    const data = dtype === 'int32' ? Int32Array.from(values) : Float32Array.from(values);
    return { data, shape: input.shape.slice(), dtype };
  }
  if (Array.isArray(input)) {
    const shape = nestedShape(input);
    const flat = (input as unknown[]).flat(Number.POSITIVE_INFINITY) as number[];
    if (flat.length !== shape.reduce((a, b) => a * b, 1)) {
      throw new RangeError(
        `${owner}: ${arg} must be a rectangular nested array. Received: ${arg} with ragged rows (first-row shape [${shape.join(', ')}]).`,
      );
    }
    return { data: Float32Array.from(flat), shape, dtype: 'float32' };
  }
  if (input && typeof input === 'object' && 'data' in input && Array.isArray(input.shape)) {
    const size = input.shape.reduce((a, b) => a * b, 1);
    if (input.data.length !== size) {
      throw new RangeError(
        `${owner}: ${arg}.data must have ${size} elements for shape [${input.shape.join(', ')}]. Received: ${arg}.data.length=${input.data.length}.`,
      );
    }
    const int = isIntegerTyped(input.data);
    const data = int ? Int32Array.from(input.data) : Float32Array.from(input.data);
    return { data, shape: input.shape.slice(), dtype: int ? 'int32' : 'float32' };
  }
  throw new TypeError(
    `${owner}: ${arg} must be a tf.Tensor, a { data, shape } array or a nested number array. Received: ${arg}=${String(input)}.`,
  );
}

/** Number of elements in one sample (row) of a host array. */
export function rowSize(host: HostArray): number {
  return host.shape.slice(1).reduce((a, b) => a * b, 1);
}

/**
 * A batch tensor made of rows `order[start..end)` (or `start..end` when `order` is null).
 *
 * @example
 * takeRows(host, null, 0, 32) // → tf.Tensor [32, ...host.shape.slice(1)]
 */
export function takeRows(host: HostArray, order: Int32Array | null, start: number, end: number): tf.Tensor {
  const size = rowSize(host);
  const shape = [end - start, ...host.shape.slice(1)];
  if (!order) return tf.tensor(host.data.subarray(start * size, end * size), shape, host.dtype);
  const out =
    host.dtype === 'int32' ? new Int32Array((end - start) * size) : new Float32Array((end - start) * size);
  for (let r = start; r < end; r++) {
    const src = order[r] * size;
    out.set(host.data.subarray(src, src + size), (r - start) * size);
  }
  return tf.tensor(out, shape, host.dtype);
}

/**
 * A tensor from any accepted data form (used for generator batches and `predict` inputs).
 *
 * @example
 * toTensorData({ data: new Int32Array([1, 2]), shape: [1, 2] }) // → int32 Tensor [1, 2]
 */
export function toTensorData(input: ModelData, owner: string, arg: string): tf.Tensor {
  if (input instanceof tf.Tensor) return input;
  const host = toHostArray(input, owner, arg);
  return tf.tensor(host.data, host.shape, host.dtype);
}

/**
 * Rows `[start, end)` of a host array, sharing its memory.
 *
 * @example
 * sliceRows({ data, shape: [10, 4], dtype: 'float32' }, 8, 10).shape // → [2, 4]
 */
export function sliceRows(host: HostArray, start: number, end: number): HostArray {
  const size = rowSize(host);
  return {
    data: host.data.subarray(start * size, end * size),
    shape: [end - start, ...host.shape.slice(1)],
    dtype: host.dtype,
  };
}
