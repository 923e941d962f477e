import type { RnnPlan } from '../rnn-plan';
import type { RnnSequenceResult, RnnSequenceSaved } from '../types';
import { gatherInputs } from './gather-inputs';
import { gemmJs } from './gemm';
import { gruAfterStep, gruBeforeStep } from './gru-step';
import { lstmStep } from './lstm-step';
import { simpleRnnStep } from './simple-rnn-step';
import type { StepBuffers } from './step-buffers';

const EMPTY = new Float32Array(0);

/**
 * Whole-sequence forward pass in plain TypeScript: one GEMM projects the inputs of every step, then per
 * step one [B, U] @ [U, G*U] GEMM and fused gate math. Saved buffers follow RnnSequenceSaved's layout.
 */
export function rnnForwardJs(plan: RnnPlan, training: boolean, returnSequences = true): RnnSequenceResult {
  const { args, gu } = plan;
  const { batch: B, time: T, features: F, units: U, mask, goBackwards } = args;
  const rdm = args.recurrentDropoutMask;
  const xs = gatherInputs(args);
  const gx = new Float32Array(T * B * gu);
  gemmJs(false, false, T * B, gu, F, xs, 0, F, args.kernel, 0, gu, gx, 0, gu, false);
  if (args.bias !== null) {
    for (let r = 0; r < T * B; r++) for (let j = 0; j < gu; j++) gx[r * gu + j] += args.bias[j];
  }
  const h = Float32Array.from(args.initialStates[0]);
  const c = args.cell === 'lstm' ? Float32Array.from(args.initialStates[1]) : EMPTY;
  const outputs = returnSequences ? new Float32Array(B * T * U) : EMPTY;
  const size = T * B * U;
  const gates = training ? new Float32Array(T * B * gu) : new Float32Array(B * gu);
  const hIn = training ? new Float32Array(size) : new Float32Array(B * U);
  const aux = args.cell === 'simpleRnn' ? EMPTY : new Float32Array(training ? size : B * U);
  const keepPrev = args.cell === 'lstm' || (args.cell === 'gru' && rdm !== null);
  const aux2 = keepPrev ? new Float32Array(training ? size : B * U) : EMPTY;
  const gh = new Float32Array(B * gu);
  for (let s = 0; s < T; s++) {
    const t = goBackwards ? T - 1 - s : s;
    // Without training every step reuses slot 0 of the saved-shaped scratch buffers.
    const so = training ? s * B : 0;
    for (let i = 0; i < B * U; i++) hIn[so * U + i] = rdm === null ? h[i] : h[i] * rdm[i];
    if (args.cell === 'gru' && rdm !== null) aux2.set(h, so * U);
    const step: StepBuffers = {
      plan,
      gx,
      gxOff: s * B * gu,
      gh,
      gates,
      gOff: so * gu,
      hIn,
      aux,
      aux2,
      hOff: so * U,
    };
    if (plan.gruBefore) {
      gruBeforeStep(step, h, mask, t);
    } else {
      gemmJs(false, false, B, gu, U, hIn, so * U, U, args.recurrentKernel, 0, gu, gh, 0, gu, false);
      if (args.cell === 'lstm') lstmStep(step, h, c, mask, t);
      else if (args.cell === 'gru') gruAfterStep(step, h, mask, t);
      else simpleRnnStep(step, h, mask, t);
    }
    if (returnSequences) {
      for (let b = 0; b < B; b++) outputs.set(h.subarray(b * U, (b + 1) * U), (b * T + s) * U);
    }
  }
  const saved: RnnSequenceSaved = training
    ? { complete: true, xs, gates, hIn, aux, aux2 }
    : { complete: false, xs: EMPTY, gates: EMPTY, hIn: EMPTY, aux: EMPTY, aux2: EMPTY };
  return { outputs, finalStates: args.cell === 'lstm' ? [h, c] : [h], saved };
}
