export {
  assertInRange,
  assertNonNegativeInteger,
  assertOneOf,
  assertPositiveInteger,
  assertRank,
  formatValue,
  type RangeBounds,
} from './assert';
export type { NDArray, TypedArray } from './nd-array';
export { mulberry32, seededRandom } from './seeded-random';
export { TensorseqError, type TensorseqErrorOptions } from './tensorseq-error';
