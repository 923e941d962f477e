import { activate } from './activation';
import { isMasked } from './is-masked';
import type { StepBuffers } from './step-buffers';

/** One SimpleRNN step for every unmasked row: h = act(x@K + b + h_in@U). */
export function simpleRnnStep(st: StepBuffers, h: Float32Array, mask: Float32Array | null, t: number): void {
  const { batch: B, time: T, units: U } = st.plan.args;
  for (let b = 0; b < B; b++) {
    if (isMasked(mask, T, b, t)) continue;
    for (let j = 0; j < U; j++) {
      const y = activate(st.plan.act, st.gx[st.gxOff + b * U + j] + st.gh[b * U + j]);
      st.gates[st.gOff + b * U + j] = y;
      h[b * U + j] = y;
    }
  }
}
