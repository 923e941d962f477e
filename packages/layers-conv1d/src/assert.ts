/** Option checks shared by the layers of this package (run once, at construction). */

/** Throws unless `value` is an integer ≥ 1. */
export function assertPositiveInteger(value: unknown, arg: string, owner: string): asserts value is number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new RangeError(`${owner}: ${arg} must be a positive integer. Received: ${arg}=${String(value)}.`);
  }
}

/** Throws unless `value` is one of `allowed`. */
export function assertOneOf<T extends string>(
  value: unknown,
  allowed: readonly T[],
  arg: string,
  owner: string,
): asserts value is T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    const list = allowed.map((a) => `"${a}"`).join(', ');
    const received = typeof value === 'string' ? `"${value}"` : String(value);
    throw new RangeError(`${owner}: ${arg} must be one of ${list}. Received: ${arg}=${received}.`);
  }
}

/** Throws unless the input has rank 3 (`[batch, steps, channels]`). */
export function assertRank3(shape: readonly (number | null)[], owner: string): void {
  if (shape.length !== 3) {
    throw new RangeError(
      `${owner}: input must have rank 3 [batch, steps, channels]. Received: shape=[${shape.map(String).join(', ')}].`,
    );
  }
}
