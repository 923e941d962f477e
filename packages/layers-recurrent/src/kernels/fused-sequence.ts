import type * as tf from '@tensorflow/tfjs-core';
import type { FusedCellSpec } from '../rnn-cell';
import type { SequenceRunOptions, SequenceRunResult } from './sequence-run';

/** Why the fused kernel cannot run this cell here, or null when it can. */
export function fusedIneligibility(spec: FusedCellSpec | null): string | null {
  if (!spec) return 'the cell has no fused kernel';
  return '@tensorseq/kernels is not available yet';
}

/** Runs a whole sequence through the fused kernel (placeholder until @tensorseq/kernels lands). */
export function fusedSequence(
  _spec: FusedCellSpec,
  _x: tf.Tensor3D,
  _options: SequenceRunOptions,
): SequenceRunResult {
  throw new Error('fusedSequence: @tensorseq/kernels must be installed. Received: none.');
}
