import type { RnnSequenceArgs } from '../types';

/**
 * Copies x [B, T, F] into processing-step order [T, B, F] (reversed in time for goBackwards) and applies
 * the input dropout mask, so each step's inputs are one contiguous block and the input projection of
 * all steps is a single GEMM.
 */
export function gatherInputs(args: RnnSequenceArgs): Float32Array {
  const { batch: B, time: T, features: F, x, inputDropoutMask: dm, goBackwards } = args;
  const xs = new Float32Array(T * B * F);
  for (let s = 0; s < T; s++) {
    const t = goBackwards ? T - 1 - s : s;
    for (let b = 0; b < B; b++) {
      const src = (b * T + t) * F;
      const dst = (s * B + b) * F;
      if (dm === null) {
        xs.set(x.subarray(src, src + F), dst);
      } else {
        for (let f = 0; f < F; f++) xs[dst + f] = x[src + f] * dm[b * F + f];
      }
    }
  }
  return xs;
}

/** Inverse of gatherInputs for gradients: dx [B, T, F] from dxs [T, B, F], times the dropout mask. */
export function scatterInputGrads(args: RnnSequenceArgs, dxs: Float32Array): Float32Array {
  const { batch: B, time: T, features: F, inputDropoutMask: dm, goBackwards } = args;
  const dx = new Float32Array(B * T * F);
  for (let s = 0; s < T; s++) {
    const t = goBackwards ? T - 1 - s : s;
    for (let b = 0; b < B; b++) {
      const src = (s * B + b) * F;
      const dst = (b * T + t) * F;
      if (dm === null) {
        dx.set(dxs.subarray(src, src + F), dst);
      } else {
        for (let f = 0; f < F; f++) dx[dst + f] = dxs[src + f] * dm[b * F + f];
      }
    }
  }
  return dx;
}
