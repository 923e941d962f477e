/** The typed arrays an {@link NDArray} may hold. */
export type TypedArray = Float32Array | Float64Array | Int32Array | Uint8Array;

/**
 * A framework-free n-dimensional array: flat, row-major `data` and its `shape`.
 * Turning one into a tensor is `tf.tensor(a.data, a.shape)`.
 *
 * @example
 * const a: NDArray<Float32Array> = { data: new Float32Array(6), shape: [2, 3] };
 */
export interface NDArray<T extends TypedArray = Float32Array> {
  data: T;
  shape: number[];
}
