import type { Conv1DKernelActivation } from '@tensorseq/kernels';

/** Activations the Conv1D kernel applies inside itself. */
export type FusedActivation = Conv1DKernelActivation;

/**
 * Whether an activation can run inside the Conv1D kernel (saving the separate activation op, its
 * gradient op and their `[batch, steps, filters]` temporaries); others are applied after as tfjs ops.
 *
 * @example
 * isFusedActivation('relu') // → true
 * isFusedActivation('tanh') // → false
 */
export function isFusedActivation(name: string): name is FusedActivation {
  return name === 'linear' || name === 'relu';
}
