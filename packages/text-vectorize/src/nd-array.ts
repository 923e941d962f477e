// NDArray and TypedArray live once, in @tensorseq/utils; re-exported so `import type { NDArray } from
// '@tensorseq/text-vectorize'` keeps working.
export type { NDArray, TypedArray } from '@tensorseq/utils';
