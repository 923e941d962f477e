import { describe } from './describe';

/** Throws `<owner>: <name> must be <expectation>. Received: <name>=<value>.` as the given error type. */
export function fail(
  owner: string,
  name: string,
  expectation: string,
  value: unknown,
  ErrorType: new (message: string) => Error = TypeError,
): never {
  throw new ErrorType(`${owner}: ${name} must be ${expectation}. Received: ${name}=${describe(value)}.`);
}

/**
 * Asserts an integer ≥ `min`, for minimums above 1 (`@tensorseq/utils`' `assertPositiveInteger` and
 * `assertNonNegativeInteger` cover 1 and 0); NaN, fractions, infinities and non-numbers are rejected.
 */
export function checkInteger(owner: string, name: string, value: unknown, min: number): number {
  if (typeof value !== 'number') fail(owner, name, `an integer >= ${min}`, value);
  if (!Number.isInteger(value) || value < min) fail(owner, name, `an integer >= ${min}`, value, RangeError);
  return value;
}

/** Asserts a string. */
export function checkString(owner: string, name: string, value: unknown): string {
  if (typeof value !== 'string') fail(owner, name, 'a string', value);
  return value;
}

/** Asserts a boolean. */
export function checkBoolean(owner: string, name: string, value: unknown): boolean {
  if (typeof value !== 'boolean') fail(owner, name, 'a boolean', value);
  return value;
}
