import { activate } from './activation';
import { gemmJs } from './gemm';
import { isMasked } from './is-masked';
import type { StepBuffers } from './step-buffers';

/** One GRU (resetAfter) step for every unmasked row; saves z, r, hh and h@U_h + b_h (aux). */
export function gruAfterStep(st: StepBuffers, h: Float32Array, mask: Float32Array | null, t: number): void {
  const { batch: B, time: T, units: U, bias } = st.plan.args;
  const { act, recAct, gu } = st.plan;
  for (let b = 0; b < B; b++) {
    if (isMasked(mask, T, b, t)) continue;
    const x0 = st.gxOff + b * gu;
    const g0 = st.gOff + b * gu;
    for (let j = 0; j < U; j++) {
      const bz = bias === null ? 0 : bias[gu + j];
      const br = bias === null ? 0 : bias[gu + U + j];
      const bh = bias === null ? 0 : bias[gu + 2 * U + j];
      const z = activate(recAct, st.gx[x0 + j] + st.gh[b * gu + j] + bz);
      const r = activate(recAct, st.gx[x0 + U + j] + st.gh[b * gu + U + j] + br);
      const recH = st.gh[b * gu + 2 * U + j] + bh;
      const hh = activate(act, st.gx[x0 + 2 * U + j] + r * recH);
      st.gates[g0 + j] = z;
      st.gates[g0 + U + j] = r;
      st.gates[g0 + 2 * U + j] = hh;
      st.aux[st.hOff + b * U + j] = recH;
      h[b * U + j] = z * h[b * U + j] + (1 - z) * hh;
    }
  }
}

/** resetAfter false needs r before the candidate's recurrent matmul: two GEMMs per step. */
export function gruBeforeStep(st: StepBuffers, h: Float32Array, mask: Float32Array | null, t: number): void {
  const { batch: B, time: T, units: U, recurrentKernel } = st.plan.args;
  const { act, recAct, gu } = st.plan;
  gemmJs(false, false, B, 2 * U, U, st.hIn, st.hOff, U, recurrentKernel, 0, gu, st.gh, 0, gu, false);
  for (let b = 0; b < B; b++) {
    const x0 = st.gxOff + b * gu;
    const g0 = st.gOff + b * gu;
    const h0 = st.hOff + b * U;
    for (let j = 0; j < U; j++) {
      const z = activate(recAct, st.gx[x0 + j] + st.gh[b * gu + j]);
      const r = activate(recAct, st.gx[x0 + U + j] + st.gh[b * gu + U + j]);
      st.gates[g0 + j] = z;
      st.gates[g0 + U + j] = r;
      st.aux[h0 + j] = r * st.hIn[h0 + j];
    }
  }
  gemmJs(false, false, B, U, U, st.aux, st.hOff, U, recurrentKernel, 2 * U, gu, st.gh, 2 * U, gu, false);
  for (let b = 0; b < B; b++) {
    if (isMasked(mask, T, b, t)) continue;
    const x0 = st.gxOff + b * gu;
    const g0 = st.gOff + b * gu;
    for (let j = 0; j < U; j++) {
      const hh = activate(act, st.gx[x0 + 2 * U + j] + st.gh[b * gu + 2 * U + j]);
      const z = st.gates[g0 + j];
      st.gates[g0 + 2 * U + j] = hh;
      h[b * U + j] = z * h[b * U + j] + (1 - z) * hh;
    }
  }
}
