import type { TypedArray, NDArray as UtilsNDArray } from '@tensorseq/utils';

export type { TypedArray };

/**
 * A framework-free n-dimensional array, flat row-major `data` and its `shape` (defined once in
 * @tensorseq/utils); here its element type defaults to `Float32Array`, as before. Turning one into a
 * tensor is `tf.tensor(a.data, a.shape)`.
 *
 * @example
 * const a: NDArray = { data: new Float32Array(6), shape: [2, 3] };
 */
export type NDArray<T extends TypedArray = Float32Array> = UtilsNDArray<T>;
