import { activationGrad } from './activation';
import { gemmJs } from './gemm';
import { isMasked } from './is-masked';
import { type StepContext, zeroRow } from './step-context';

/** Gradients of one GRU (resetAfter) step: input-side dG and recurrent-side dGh differ in the h block. */
export function gruAfterStepGrad(ctx: StepContext, s: number, t: number): void {
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
export function gruBeforeStepGrad(ctx: StepContext, s: number, t: number): void {
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
