import type { RnnPlan } from '../rnn-plan';
import type { RnnSequenceGrads, RnnSequenceResult } from '../types';
import { activationGrad } from './activation';
import { scatterInputGrads } from './gather-inputs';
import { gemmJs } from './gemm';

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

interface StepContext {
  plan: RnnPlan;
  saved: RnnSequenceResult['saved'];
  dG: Float32Array;
  dGh: Float32Array;
  /** dL/dh for the state after the current step on entry, before it on exit. */
  dh: Float32Array;
  dc: Float32Array;
  /** dL/d(h_in) from the recurrent matmul of the current step. */
  dhIn: Float32Array;
  mask: Float32Array | null;
}

function sumRows(m: Float32Array, rows: number, cols: number, out: Float32Array, off: number): void {
  for (let r = 0; r < rows; r++) for (let j = 0; j < cols; j++) out[off + j] += m[r * cols + j];
}

function isMasked(mask: Float32Array | null, T: number, b: number, t: number): boolean {
  return mask !== null && mask[b * T + t] === 0;
}

/** A masked row carries dh (and dc) unchanged and has zero gate gradients. */
function zeroRow(ctx: StepContext, off: number): void {
  const gu = ctx.plan.gu;
  ctx.dG.fill(0, off, off + gu);
  if (ctx.dGh !== ctx.dG) ctx.dGh.fill(0, off, off + gu);
}

function simpleRnnStepGrad(ctx: StepContext, s: number, t: number): void {
  const { batch: B, time: T, units: U } = ctx.plan.args;
  for (let b = 0; b < B; b++) {
    const g0 = (s * B + b) * U;
    if (isMasked(ctx.mask, T, b, t)) {
      zeroRow(ctx, g0);
      continue;
    }
    for (let j = 0; j < U; j++) {
      ctx.dG[g0 + j] = ctx.dh[b * U + j] * activationGrad(ctx.plan.act, ctx.saved.gates[g0 + j]);
      ctx.dh[b * U + j] = 0;
    }
  }
}

function lstmStepGrad(ctx: StepContext, s: number, t: number): void {
  const { batch: B, time: T, units: U } = ctx.plan.args;
  const { act, recAct, gu } = ctx.plan;
  const { gates, aux: cPrev, aux2: cAct } = ctx.saved;
  for (let b = 0; b < B; b++) {
    const g0 = (s * B + b) * gu;
    if (isMasked(ctx.mask, T, b, t)) {
      zeroRow(ctx, g0);
      continue;
    }
    const h0 = (s * B + b) * U;
    for (let j = 0; j < U; j++) {
      const dh = ctx.dh[b * U + j];
      const i = gates[g0 + j];
      const f = gates[g0 + U + j];
      const g = gates[g0 + 2 * U + j];
      const o = gates[g0 + 3 * U + j];
      const ac = cAct[h0 + j];
      const dcNew = ctx.dc[b * U + j] + dh * o * activationGrad(act, ac);
      ctx.dG[g0 + j] = dcNew * g * activationGrad(recAct, i);
      ctx.dG[g0 + U + j] = dcNew * cPrev[h0 + j] * activationGrad(recAct, f);
      ctx.dG[g0 + 2 * U + j] = dcNew * i * activationGrad(act, g);
      ctx.dG[g0 + 3 * U + j] = dh * ac * activationGrad(recAct, o);
      ctx.dc[b * U + j] = dcNew * f;
      ctx.dh[b * U + j] = 0;
    }
  }
}

function gruAfterStepGrad(ctx: StepContext, s: number, t: number): void {
  const { batch: B, time: T, units: U } = ctx.plan.args;
  const { act, recAct, gu } = ctx.plan;
  const { gates, aux: recH } = ctx.saved;
  const hPrev = ctx.saved.aux2.length > 0 ? ctx.saved.aux2 : ctx.saved.hIn;
  for (let b = 0; b < B; b++) {
    const g0 = (s * B + b) * gu;
    if (isMasked(ctx.mask, T, b, t)) {
      zeroRow(ctx, g0);
      continue;
    }
    const h0 = (s * B + b) * U;
    for (let j = 0; j < U; j++) {
      const dh = ctx.dh[b * U + j];
      const z = gates[g0 + j];
      const r = gates[g0 + U + j];
      const hh = gates[g0 + 2 * U + j];
      const dPreH = dh * (1 - z) * activationGrad(act, hh);
      const dz = dh * (hPrev[h0 + j] - hh) * activationGrad(recAct, z);
      const dr = dPreH * recH[h0 + j] * activationGrad(recAct, r);
      ctx.dG[g0 + j] = dz;
      ctx.dG[g0 + U + j] = dr;
      ctx.dG[g0 + 2 * U + j] = dPreH;
      ctx.dGh[g0 + j] = dz;
      ctx.dGh[g0 + U + j] = dr;
      ctx.dGh[g0 + 2 * U + j] = dPreH * r;
      ctx.dh[b * U + j] = dh * z;
    }
  }
}

/** resetAfter false: d(r*h_in) needs the candidate's GEMM before the reset gate's gradient exists. */
function gruBeforeStepGrad(ctx: StepContext, s: number, t: number): void {
  const { batch: B, time: T, units: U, recurrentKernel } = ctx.plan.args;
  const { act, recAct, gu } = ctx.plan;
  const { gates, hIn } = ctx.saved;
  const hPrev = ctx.saved.aux2.length > 0 ? ctx.saved.aux2 : hIn;
  const base = s * B * gu;
  for (let b = 0; b < B; b++) {
    const g0 = base + b * gu;
    if (isMasked(ctx.mask, T, b, t)) {
      zeroRow(ctx, g0);
      continue;
    }
    const h0 = (s * B + b) * U;
    for (let j = 0; j < U; j++) {
      const dh = ctx.dh[b * U + j];
      const z = gates[g0 + j];
      const hh = gates[g0 + 2 * U + j];
      ctx.dG[g0 + j] = dh * (hPrev[h0 + j] - hh) * activationGrad(recAct, z);
      ctx.dG[g0 + 2 * U + j] = dh * (1 - z) * activationGrad(act, hh);
      ctx.dh[b * U + j] = dh * z;
    }
  }
  // d(r*h_in) = dPreH @ U_h^T, kept in dhIn, then split into dr and the h_in part.
  gemmJs(false, true, B, U, U, ctx.dG, base + 2 * U, gu, recurrentKernel, 2 * U, gu, ctx.dhIn, 0, U, false);
  for (let b = 0; b < B; b++) {
    const g0 = base + b * gu;
    const h0 = (s * B + b) * U;
    const masked = isMasked(ctx.mask, T, b, t);
    for (let j = 0; j < U; j++) {
      const drh = ctx.dhIn[b * U + j];
      const r = gates[g0 + U + j];
      ctx.dG[g0 + U + j] = masked ? 0 : drh * hIn[h0 + j] * activationGrad(recAct, r);
      ctx.dhIn[b * U + j] = drh * r;
    }
  }
  gemmJs(false, true, B, U, 2 * U, ctx.dG, base, gu, recurrentKernel, 0, gu, ctx.dhIn, 0, U, true);
}
