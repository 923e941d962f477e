import { activationGrad } from './activation';
import { isMasked } from './is-masked';
import { type StepContext, zeroRow } from './step-context';

/** Gradients of one SimpleRNN step: dG = dh * act'(h); dh is consumed (the recurrent part is added later). */
export function simpleRnnStepGrad(ctx: StepContext, s: number, t: number): void {
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
