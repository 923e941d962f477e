import type { KernelActivation, RnnCellKind } from './types';

/** Numeric activation ids shared by the TypeScript loops and the C kernels (csrc/kernels.c). */
export const ACTIVATION_CODES: Readonly<Record<KernelActivation, number>> = {
  tanh: 0,
  relu: 1,
  sigmoid: 2,
  hardSigmoid: 3,
  linear: 4,
};

/** Numeric cell ids shared with the C kernels. */
export const CELL_CODES: Readonly<Record<RnnCellKind, number>> = { simpleRnn: 0, lstm: 1, gru: 2 };

/** Number of gate blocks of a cell's kernels: simpleRnn 1, lstm 4, gru 3. */
export function gateCount(cell: RnnCellKind): number {
  return cell === 'lstm' ? 4 : cell === 'gru' ? 3 : 1;
}
