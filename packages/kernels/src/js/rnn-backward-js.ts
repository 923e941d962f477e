import type { RnnPlan } from '../rnn-plan';
import type { RnnSequenceGrads, RnnSequenceResult } from '../types';
import { scatterInputGrads } from './gather-inputs';
import { gemmJs } from './gemm';
import { gruAfterStepGrad, gruBeforeStepGrad } from './gru-step-grad';
import { lstmStepGrad } from './lstm-step-grad';
import { simpleRnnStepGrad } from './simple-rnn-step-grad';
import type { StepContext } from './step-context';

/**
 * Backpropagation through time in plain TypeScript. Per step (last processed first) it computes the gate
 * pre-activation gradients and the [B, G*U] @ [G*U, U] GEMM that carries dh back; the weight and input
 * gradients are then three big GEMMs over all steps at once.
 */
export function rnnBackwardJs(
  plan: RnnPlan,
  forward: RnnSequenceResult,
  dOutputs: Float32Array | null,
  dFinalStates: (Float32Array | null)[],
): RnnSequenceGrads {
  const { args, gu } = plan;
  const { batch: B, time: T, features: F, units: U, mask, recurrentKernel } = args;
  const rdm = args.recurrentDropoutMask;
  const { saved } = forward;
  const lstm = args.cell === 'lstm';
  const dh = dFinalStates[0] ? Float32Array.from(dFinalStates[0]) : new Float32Array(B * U);
  const dc = lstm ? (dFinalStates[1] ? Float32Array.from(dFinalStates[1]) : new Float32Array(B * U)) : dh;
  // Gradients w.r.t. the input-side pre-activations; for resetAfter the recurrent side differs (dGh).
  const dG = new Float32Array(T * B * gu);
  const dGh = plan.gruAfter ? new Float32Array(T * B * gu) : dG;
  const dhIn = new Float32Array(B * U);
  const ctx: StepContext = { plan, saved, dG, dGh, dh, dc, dhIn, mask };
  for (let s = T - 1; s >= 0; s--) {
    const t = args.goBackwards ? T - 1 - s : s;
    if (dOutputs !== null) {
      for (let b = 0; b < B; b++) for (let j = 0; j < U; j++) dh[b * U + j] += dOutputs[(b * T + s) * U + j];
    }
    if (args.cell === 'gru' && !args.resetAfter) {
      gruBeforeStepGrad(ctx, s, t);
    } else {
      if (lstm) lstmStepGrad(ctx, s, t);
      else if (args.cell === 'gru') gruAfterStepGrad(ctx, s, t);
      else simpleRnnStepGrad(ctx, s, t);
      gemmJs(false, true, B, U, gu, dGh, s * B * gu, gu, recurrentKernel, 0, gu, dhIn, 0, U, false);
    }
    for (let i = 0; i < B * U; i++) dh[i] += rdm === null ? dhIn[i] : dhIn[i] * rdm[i];
  }
  const dRecurrentKernel = new Float32Array(U * gu);
  if (plan.gruBefore) {
    gemmJs(true, false, U, 2 * U, T * B, saved.hIn, 0, U, dG, 0, gu, dRecurrentKernel, 0, gu, false);
    gemmJs(true, false, U, U, T * B, saved.aux, 0, U, dG, 2 * U, gu, dRecurrentKernel, 2 * U, gu, false);
  } else {
    gemmJs(true, false, U, gu, T * B, saved.hIn, 0, U, dGh, 0, gu, dRecurrentKernel, 0, gu, false);
  }
  const dKernel = new Float32Array(F * gu);
  gemmJs(true, false, F, gu, T * B, saved.xs, 0, F, dG, 0, gu, dKernel, 0, gu, false);
  const dxs = new Float32Array(T * B * F);
  gemmJs(false, true, T * B, F, gu, dG, 0, gu, args.kernel, 0, gu, dxs, 0, F, false);
  let dBias: Float32Array | null = null;
  if (args.bias !== null) {
    dBias = new Float32Array(args.bias.length);
    sumRows(dG, T * B, gu, dBias, 0);
    if (plan.gruAfter) sumRows(dGh, T * B, gu, dBias, gu);
  }
  return {
    dx: scatterInputGrads(args, dxs),
    dKernel,
    dRecurrentKernel,
    dBias,
    dInitialStates: lstm ? [dh, dc] : [dh],
  };
}

function sumRows(m: Float32Array, rows: number, cols: number, out: Float32Array, off: number): void {
  for (let r = 0; r < rows; r++) for (let j = 0; j < cols; j++) out[off + j] += m[r * cols + j];
}
