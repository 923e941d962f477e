import { assertRank } from '@tensorseq/layers-core';

/**
 * Throws unless an input shape has rank 3 (`[batch, steps, channels]`), the only layout these layers take.
 *
 * @example
 * assertRank3([32, 10], 'Conv1D'); // throws 'Conv1D: input must have rank 3. Received: input shape=[32, 10] (rank 2).'
 */
export function assertRank3(shape: readonly (number | null)[], owner: string): void {
  assertRank(owner, 'input', shape, 3);
}
