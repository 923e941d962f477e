import type { RnnPlan } from '../rnn-plan';
import type { RnnSequenceResult } from '../types';
import { gatherRowsJs, scatterAddRowsJs } from './embedding-rows-js';
import { gatherInputs } from './gather-inputs';

/**
 * The TypeScript kernels' form of a plan with embedded inputs (`ids`): the same plan on the gathered
 * rows `x = table[ids]` [B, T, F], which the plain loops run. (The wasm kernels project the table once
 * instead; both sum every product in the same order.)
 */
export function gatheredPlan(plan: RnnPlan): RnnPlan {
  const { args } = plan;
  if (plan.vocab === 0 || !args.ids) return plan;
  const x = new Float32Array(args.batch * args.time * args.features);
  gatherRowsJs(args.x, args.ids, args.features, x);
  return { ...plan, args: { ...args, x, ids: null }, vocab: 0 };
}

/**
 * A forward result the plain backward loop can read for a gathered plan: a wasm forward on embedded
 * inputs keeps no gathered inputs (`saved.xs` is empty), so they are rebuilt from the gathered rows.
 */
export function withGatheredInputs(gathered: RnnPlan, forward: RnnSequenceResult): RnnSequenceResult {
  const { saved } = forward;
  if (saved.xs.length > 0) return forward;
  const xs = gatherInputs(gathered.args);
  const { gates, hIn, aux, aux2, complete } = saved;
  return { ...forward, saved: { complete, xs, gates, hIn, aux, aux2 } };
}

/** The embedding table's gradient [V, F] from the gathered rows' gradient dx [B, T, F]. */
export function tableGrad(plan: RnnPlan, dx: Float32Array): Float32Array {
  const { args, vocab } = plan;
  const out = new Float32Array(vocab * args.features);
  scatterAddRowsJs(dx, args.ids as Int32Array, vocab, args.features, out);
  return out;
}
