/**
 * Argument checks shared by every tensorseq package. Each throws with the project's message pattern
 * `<Owner>: <arg> must be <expectation>. Received: <arg>=<value>.` so tests can assert exact text.
 */

/**
 * Shows a received value the way the error messages quote it: strings in double quotes, arrays in brackets.
 *
 * @example
 * formatValue('mid') // → '"mid"'
 * formatValue([null, 3]) // → '[null, 3]'
 */
export function formatValue(value: unknown): string {
  if (typeof value === 'string') return `"${value}"`;
  if (Array.isArray(value)) return `[${value.map((v) => (v === null ? 'null' : String(v))).join(', ')}]`;
  return String(value);
}

/**
 * Throws a `RangeError` unless `value` is an integer ≥ 1.
 *
 * @example
 * assertPositiveInteger('Dense', 'units', 0); // throws 'Dense: units must be a positive integer. Received: units=0.'
 */
export function assertPositiveInteger(owner: string, arg: string, value: unknown): asserts value is number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new RangeError(
      `${owner}: ${arg} must be a positive integer. Received: ${arg}=${formatValue(value)}.`,
    );
  }
}

/**
 * Throws a `RangeError` unless `value` is an integer ≥ 0.
 *
 * @example
 * assertNonNegativeInteger('fit', 'verbose', -1); // throws 'fit: verbose must be a non-negative integer. Received: verbose=-1.'
 */
export function assertNonNegativeInteger(
  owner: string,
  arg: string,
  value: unknown,
): asserts value is number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new RangeError(
      `${owner}: ${arg} must be a non-negative integer. Received: ${arg}=${formatValue(value)}.`,
    );
  }
}

/**
 * Throws a `RangeError` unless `value` is one of `allowed`.
 *
 * @example
 * assertOneOf('Conv1D', 'padding', 'mid', ['valid', 'same']); // throws 'Conv1D: padding must be one of "valid", "same". Received: padding="mid".'
 */
export function assertOneOf<T extends string | number | boolean | null>(
  owner: string,
  arg: string,
  value: unknown,
  allowed: readonly T[],
): asserts value is T {
  if (!allowed.includes(value as T)) {
    throw new RangeError(
      `${owner}: ${arg} must be one of ${allowed.map(formatValue).join(', ')}. Received: ${arg}=${formatValue(value)}.`,
    );
  }
}

/**
 * Throws a `RangeError` unless a shape (or anything with a `shape`) has one of the given ranks.
 *
 * @example
 * assertRank('LSTM', 'input', [32, 10], 3); // throws 'LSTM: input must have rank 3. Received: input shape=[32, 10] (rank 2).'
 */
export function assertRank(
  owner: string,
  arg: string,
  shapeOrTensor: readonly (number | null)[] | { shape: readonly (number | null)[] },
  rank: number | readonly number[],
): void {
  const shape = Array.isArray(shapeOrTensor)
    ? (shapeOrTensor as readonly (number | null)[])
    : (shapeOrTensor as { shape: readonly (number | null)[] }).shape;
  const ranks = typeof rank === 'number' ? [rank] : rank;
  if (!ranks.includes(shape.length)) {
    const expect = ranks.length === 1 ? `rank ${ranks[0]}` : `rank ${ranks.join(' or ')}`;
    throw new RangeError(
      `${owner}: ${arg} must have ${expect}. Received: ${arg} shape=${formatValue([...shape])} (rank ${shape.length}).`,
    );
  }
}

/** Bounds of {@link assertInRange}; both ends inclusive unless said otherwise. */
export interface RangeBounds {
  min?: number;
  max?: number;
  /** @defaultValue true */
  minInclusive?: boolean;
  /** @defaultValue true */
  maxInclusive?: boolean;
}

/**
 * Throws a `RangeError` unless `value` is a finite number inside the bounds.
 *
 * @example
 * assertInRange('Dropout', 'rate', 1, { min: 0, max: 1, maxInclusive: false }); // throws 'Dropout: rate must be a number in [0, 1). Received: rate=1.'
 */
export function assertInRange(
  owner: string,
  arg: string,
  value: unknown,
  bounds: RangeBounds,
): asserts value is number {
  const { min = Number.NEGATIVE_INFINITY, max = Number.POSITIVE_INFINITY } = bounds;
  const { minInclusive = true, maxInclusive = true } = bounds;
  const ok =
    typeof value === 'number' &&
    !Number.isNaN(value) &&
    (minInclusive ? value >= min : value > min) &&
    (maxInclusive ? value <= max : value < max);
  if (!ok) {
    const lo = Number.isFinite(min) ? `${minInclusive ? '[' : '('}${min}` : '(-Infinity';
    const hi = Number.isFinite(max) ? `${max}${maxInclusive ? ']' : ')'}` : 'Infinity)';
    throw new RangeError(
      `${owner}: ${arg} must be a number in ${lo}, ${hi}. Received: ${arg}=${formatValue(value)}.`,
    );
  }
}
