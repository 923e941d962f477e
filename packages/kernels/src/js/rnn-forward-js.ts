import type { RnnPlan } from '../rnn-plan';
import type { RnnSequenceResult, RnnSequenceSaved } from '../types';
import { activate } from './activation';
import { gatherInputs } from './gather-inputs';
import { gemmJs } from './gemm';

const EMPTY = new Float32Array(0);

/**
 * Whole-sequence forward pass in plain TypeScript: one GEMM projects the inputs of every step, then per
 * step one [B, U] @ [U, G*U] GEMM and fused gate math. Saved buffers follow RnnSequenceSaved's layout.
 */
export function rnnForwardJs(plan: RnnPlan, training: boolean): RnnSequenceResult {
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
  const outputs = new Float32Array(B * T * U);
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
    for (let b = 0; b < B; b++) outputs.set(h.subarray(b * U, (b + 1) * U), (b * T + s) * U);
  }
  const saved: RnnSequenceSaved = training
    ? { complete: true, xs, gates, hIn, aux, aux2 }
    : { complete: false, xs: EMPTY, gates: EMPTY, hIn: EMPTY, aux: EMPTY, aux2: EMPTY };
  return { outputs, finalStates: args.cell === 'lstm' ? [h, c] : [h], saved };
}

interface StepBuffers {
  plan: RnnPlan;
  gx: Float32Array;
  gxOff: number;
  gh: Float32Array;
  gates: Float32Array;
  gOff: number;
  hIn: Float32Array;
  aux: Float32Array;
  aux2: Float32Array;
  hOff: number;
}

function isMasked(mask: Float32Array | null, T: number, b: number, t: number): boolean {
  return mask !== null && mask[b * T + t] === 0;
}

function simpleRnnStep(st: StepBuffers, h: Float32Array, mask: Float32Array | null, t: number): void {
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

function lstmStep(
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

function gruAfterStep(st: StepBuffers, h: Float32Array, mask: Float32Array | null, t: number): void {
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
function gruBeforeStep(st: StepBuffers, h: Float32Array, mask: Float32Array | null, t: number): void {
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
