/**
 * A dense row-major array with its shape: `tf.tensor(a.data, a.shape)` turns it into a tensor.
 *
 * @example
 * const { data, shape } = kv.vectors; // Float32Array, [size, dim]
 */
export interface NDArray<T extends Float32Array | Int32Array | Uint8Array = Float32Array> {
  data: T;
  shape: number[];
}
