/**
 * Option guards of this package that layers-core's `utils/assert.ts` lacks (a rate in [0, 1), a choice
 * that may be null). They throw at construction, never inside the time loop, with the
 * `<Owner>: <arg> must be <expectation>. Received: <arg>=<value>.` pattern.
 */

/** Throws unless `value` is a dropout rate in [0, 1). */
export function assertRate(owner: string, arg: string, value: unknown): asserts value is number {
  if (typeof value !== 'number' || !(value >= 0 && value < 1)) {
    throw new RangeError(`${owner}: ${arg} must be a number in [0, 1). Received: ${arg}=${String(value)}.`);
  }
}

// One of a list of choices (null allowed): the shared check.
export { assertOneOf } from '@tensorseq/layers-core';

/** Formats a shape as `[2, null, 3]` for error messages. */
export function formatDims(shape: readonly (number | null)[]): string {
  return `[${shape.map((d) => (d === null ? 'null' : String(d))).join(', ')}]`;
}
