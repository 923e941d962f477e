import type { TapBiasArgs, TapGatherArgs, TapScatterArgs, TapScatterGrads } from '../tap-gather-types';

/** The TypeScript tap gather (csrc/kernels.c's tap_gather, same summation order). */
export function tapGatherJs(a: TapGatherArgs): Float32Array {
  const { batch, steps, filters: F, size: K, ids, table, bias } = a;
  const L = steps - K + 1;
  const row = K * F;
  const y = new Float32Array(batch * L * F);
  for (let b = 0; b < batch; b++) {
    for (let t = 0; t < L; t++) {
      const first = b * steps + t;
      const o = (b * L + t) * F;
      for (let f = 0; f < F; f++) {
        let acc = 0;
        for (let j = 0; j < K; j++) acc = Math.fround(acc + table[ids[first + j] * row + j * F + f]);
        if (bias) acc = Math.fround(acc + bias[f]);
        y[o + f] = a.activation === 'relu' && acc < 0 ? 0 : acc;
      }
    }
  }
  return y;
}

/** The TypeScript tap scatter (csrc/kernels.c's tap_scatter, same summation order). */
export function tapScatterJs(a: TapScatterArgs, dy: Float32Array, y: Float32Array): TapScatterGrads {
  const { batch, steps, filters: F, size: K, ids } = a;
  const L = steps - K + 1;
  const row = K * F;
  const dTable = new Float32Array(a.vocab * row);
  const dBias = a.hasBias ? new Float32Array(F) : null;
  for (let b = 0; b < batch; b++) {
    for (let t = 0; t < L; t++) {
      const first = b * steps + t;
      const o = (b * L + t) * F;
      for (let f = 0; f < F; f++) {
        const dz = a.activation !== 'relu' || y[o + f] > 0 ? dy[o + f] : 0;
        for (let j = 0; j < K; j++) dTable[ids[first + j] * row + j * F + f] += dz;
        if (dBias) dBias[f] += dz;
      }
    }
  }
  return { dTable, dBias };
}

/** The TypeScript tap bias gradient (csrc/kernels.c's tap_bias_sums, the same order as tapScatterJs' dBias). */
export function tapBiasGradJs(a: TapBiasArgs, dy: Float32Array, y: Float32Array): Float32Array {
  const F = a.filters;
  const rows = a.batch * (a.steps - a.size + 1);
  const dBias = new Float32Array(F);
  const relu = a.activation === 'relu';
  for (let r = 0; r < rows; r++) {
    const o = r * F;
    for (let f = 0; f < F; f++) dBias[f] += !relu || y[o + f] > 0 ? dy[o + f] : 0;
  }
  return dBias;
}
