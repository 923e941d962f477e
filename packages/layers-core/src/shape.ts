/**
 * A tensor shape as layers see it: the first axis is the batch axis, and any axis may be `null` when it is
 * only known at call time (the batch size, or the time axis of variable-length sequences).
 *
 * @example
 * const s: Shape = [null, 500, 32]; // any batch, 500 timesteps, 32 features
 */
export type Shape = (number | null)[];

/**
 * Formats a shape the way Keras prints it: `(None, 500, 32)`.
 *
 * @example
 * formatShape([null, 500, 32]) // → '(None, 500, 32)'
 */
export function formatShape(shape: Shape): string {
  const parts = shape.map((d) => (d === null ? 'None' : String(d)));
  return `(${parts.join(', ')}${parts.length === 1 ? ',' : ''})`;
}

/**
 * Whether `actual` fits `expected`: same rank, and every axis but the batch axis equal where `expected`
 * knows it.
 *
 * @example
 * shapeMatches([null, 20], [32, 20]) // → true
 */
export function shapeMatches(expected: Shape, actual: readonly number[]): boolean {
  return (
    expected.length === actual.length && expected.every((d, i) => i === 0 || d === null || d === actual[i])
  );
}
