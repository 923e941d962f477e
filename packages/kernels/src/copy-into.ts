/** `values` copied into `into` (of its length), or `values` itself without one. */
export function copyInto(values: Float32Array, into: Float32Array | undefined): Float32Array {
  if (into === undefined) return values;
  into.set(values);
  return into;
}
