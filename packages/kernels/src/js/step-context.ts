import type { RnnPlan } from '../rnn-plan';
import type { RnnSequenceResult } from '../types';

/** What one backward step reads and updates. */
export interface StepContext {
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

/** A masked row carries dh (and dc) unchanged and has zero gate gradients. */
export function zeroRow(ctx: StepContext, off: number): void {
  const gu = ctx.plan.gu;
  ctx.dG.fill(0, off, off + gu);
  if (ctx.dGh !== ctx.dG) ctx.dGh.fill(0, off, off + gu);
}
