/**
 * The typed arrays an {@link NDArray} may hold.
 *
 * @example
 * const data: TypedArray = new Float32Array(4);
 */
export type TypedArray =
  | Int8Array
  | Uint8Array
  | Int16Array
  | Uint16Array
  | Int32Array
  | Uint32Array
  | Float32Array
  | Float64Array;

/**
 * A dense row-major array with its shape: what every framework-free tensorseq function returns.
 * Turning one into a tfjs tensor is `tf.tensor(a.data, a.shape)`.
 *
 * @example
 * const a: NDArray<Int32Array> = { data: Int32Array.of(0, 1, 2, 3), shape: [2, 2] };
 * a.data[1 * a.shape[1] + 0] // → 2
 */
export interface NDArray<T extends TypedArray = TypedArray> {
  /** The values, row-major (the last axis varies fastest). */
  data: T;
  /** The size of each axis; the product equals `data.length`. */
  shape: number[];
}
