import { activate } from './activation';
import { isMasked } from './is-masked';
import type { StepBuffers } from './step-buffers';

/** One LSTM step for every unmasked row; saves the gates, c_{t-1} (aux) and act(c_t) (aux2). */
export function lstmStep(
  st: StepBuffers,
  h: Float32Array,
  c: Float32Array,
  mask: Float32Array | null,
  t: number,
): void {
  const { batch: B, time: T, units: U } = st.plan.args;
  const { act, recAct, gu } = st.plan;
  for (let b = 0; b < B; b++) {
    if (isMasked(mask, T, b, t)) continue;
    const x0 = st.gxOff + b * gu;
    const g0 = st.gOff + b * gu;
    const h0 = st.hOff + b * U;
    for (let j = 0; j < U; j++) {
      const zi = st.gx[x0 + j] + st.gh[b * gu + j];
      const zf = st.gx[x0 + U + j] + st.gh[b * gu + U + j];
      const zc = st.gx[x0 + 2 * U + j] + st.gh[b * gu + 2 * U + j];
      const zo = st.gx[x0 + 3 * U + j] + st.gh[b * gu + 3 * U + j];
      const i = activate(recAct, zi);
      const f = activate(recAct, zf);
      const g = activate(act, zc);
      const o = activate(recAct, zo);
      const cPrev = c[b * U + j];
      const cNew = f * cPrev + i * g;
      const ac = activate(act, cNew);
      st.gates[g0 + j] = i;
      st.gates[g0 + U + j] = f;
      st.gates[g0 + 2 * U + j] = g;
      st.gates[g0 + 3 * U + j] = o;
      st.aux[h0 + j] = cPrev;
      st.aux2[h0 + j] = ac;
      c[b * U + j] = cNew;
      h[b * U + j] = o * ac;
    }
  }
}
