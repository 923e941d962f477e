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
