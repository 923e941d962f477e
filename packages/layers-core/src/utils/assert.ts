// The argument checks live once, in @tensorseq/utils; layers-core re-exports them for layer authors.
export {
  assertInRange,
  assertNonNegativeInteger,
  assertOneOf,
  assertPositiveInteger,
  assertRank,
  type RangeBounds,
} from '@tensorseq/utils';
