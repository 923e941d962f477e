import { activationGrad } from './activation';
import { isMasked } from './is-masked';
import { type StepContext, zeroRow } from './step-context';

/** Gradients of one LSTM step's gate pre-activations; carries dc back through the forget gate. */
export function lstmStepGrad(ctx: StepContext, s: number, t: number): void {
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
