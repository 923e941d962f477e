import type { KernelActivation, RnnCellKind, RnnSequenceArgs } from '../src/index';
import { seededRandom } from './seeded-random';

export interface RandomCaseOptions {
  cell: RnnCellKind;
  batch: number;
  time: number;
  features: number;
  units: number;
  seed?: number;
  bias?: boolean;
  mask?: boolean;
  inputDropout?: boolean;
  recurrentDropout?: boolean;
  initialStates?: boolean;
  activation?: KernelActivation;
  recurrentActivation?: KernelActivation;
  resetAfter?: boolean;
  goBackwards?: boolean;
  /** Weight scale; larger values push hardSigmoid/relu into their clipped regions. */
  scale?: number;
}

/** Random, seeded kernel arguments. The mask has pre-, mid- and post-sequence zeros and a fully masked row start. */
export function randomArgs(o: RandomCaseOptions): RnnSequenceArgs {
  const rand = seededRandom(o.seed ?? 1);
  const { batch: B, time: T, features: F, units: U } = o;
  const g = o.cell === 'lstm' ? 4 : o.cell === 'gru' ? 3 : 1;
  const scale = o.scale ?? 0.5;
  const fill = (n: number, s = scale) => Float32Array.from({ length: n }, () => rand(-s, s));
  const dropout = (n: number) => Float32Array.from({ length: n }, () => (rand() < 0.3 ? 0 : 1 / 0.7));
  const gruAfter = o.cell === 'gru' && (o.resetAfter ?? true);
  let mask: Float32Array | null = null;
  if (o.mask) {
    mask = Float32Array.from({ length: B * T }, () => (rand() < 0.3 ? 0 : 1));
    if (B > 1 && T > 1) mask[0] = 0; // a row whose first step is masked
  }
  return {
    cell: o.cell,
    batch: B,
    time: T,
    features: F,
    units: U,
    x: fill(B * T * F, 1),
    kernel: fill(F * g * U),
    recurrentKernel: fill(U * g * U),
    bias: o.bias === false ? null : fill((gruAfter ? 2 : 1) * g * U),
    initialStates: (o.cell === 'lstm' ? [0, 1] : [0]).map(() =>
      o.initialStates ? fill(B * U, 0.8) : new Float32Array(B * U),
    ),
    mask,
    inputDropoutMask: o.inputDropout ? dropout(B * F) : null,
    recurrentDropoutMask: o.recurrentDropout ? dropout(B * U) : null,
    activation: o.activation ?? 'tanh',
    recurrentActivation: o.recurrentActivation ?? 'sigmoid',
    resetAfter: gruAfter,
    goBackwards: o.goBackwards ?? false,
  };
}

/** Random upstream gradients for outputs and each final state. */
export function randomUpstream(
  args: RnnSequenceArgs,
  seed = 7,
): { dOutputs: Float32Array; dFinal: Float32Array[] } {
  const rand = seededRandom(seed);
  const { batch: B, time: T, units: U } = args;
  return {
    dOutputs: Float32Array.from({ length: B * T * U }, () => rand(-1, 1)),
    dFinal: args.initialStates.map(() => Float32Array.from({ length: B * U }, () => rand(-1, 1))),
  };
}
