import { describe } from './describe';

/** Most elements one result array may have: 2^31 − 1, what every JavaScript engine can index. */
export const MAX_ELEMENTS = 2 ** 31 - 1;

/**
 * Allocates a result array of `elements` elements whose size the argument `name` (= `value`) decides, so
 * that a huge `maxlen` or `numWords` is a clear RangeError naming it instead of a raw "Invalid typed
 * array length" or "Array buffer allocation failed".
 *
 * @example
 * allocate(Int32Array, rows * maxlen, 'padSequences', 'maxlen', maxlen, `${rows} rows`)
 */
export function allocate<T>(
  Ctor: new (length: number) => T,
  elements: number,
  owner: string,
  name: string,
  value: unknown,
  per: string,
): T {
  const received = `Received: ${name}=${describe(value)} (${per}: ${elements} elements).`;
  if (!(Number.isSafeInteger(elements) && elements <= MAX_ELEMENTS)) {
    throw new RangeError(
      `${owner}: ${name} must be small enough for the result to have at most ${MAX_ELEMENTS} elements. ${received}`,
    );
  }
  try {
    return new Ctor(elements);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw new RangeError(
      `${owner}: ${name} must be small enough for the result to fit in memory. ${received}`,
    );
  }
}
