import type { Pool1DKernelAttrs } from '@tensorseq/kernels';

/** The sizes of one 1D pooling call. */
export interface Pool1DDims {
  batch: number;
  inLength: number;
  channels: number;
  w: Pool1DKernelAttrs;
}

/** First real input step of output window `t` (padding cells excluded). */
function windowStart(t: number, d: Pool1DDims): number {
  const start = t * d.w.stride - d.w.padLeft;
  return Math.max(start, 0);
}

/** One past the last real input step of output window `t`. */
function windowEnd(t: number, d: Pool1DDims): number {
  const end = t * d.w.stride - d.w.padLeft + d.w.size;
  return Math.min(end, d.inLength);
}

/**
 * Average pooling: each window divides by its number of REAL cells (TensorFlow's avg_pool under 'same').
 * With `adjoint`, maps dL/dy [B, outLength, C] back to dL/dx [B, inLength, C] (the same weights, spread).
 *
 * @example
 * avgPool1dImpl(Float32Array.of(1, 3, 2), dims, false) // size 2, stride 2, 'same' → [2, 2]
 */
export function avgPool1dImpl(values: ArrayLike<number>, d: Pool1DDims, adjoint: boolean): Float32Array {
  const { batch, inLength, channels, w } = d;
  const out = new Float32Array(batch * (adjoint ? inLength : w.outLength) * channels);
  for (let b = 0; b < batch; b++) {
    const base = b * inLength * channels;
    for (let t = 0; t < w.outLength; t++) {
      const lo = windowStart(t, d);
      const hi = windowEnd(t, d);
      const o = (b * w.outLength + t) * channels;
      const scale = 1 / (hi - lo);
      for (let s = lo; s < hi; s++) {
        const row = base + s * channels;
        for (let c = 0; c < channels; c++) {
          if (adjoint) out[row + c] += values[o + c] * scale;
          else out[o + c] += values[row + c] * scale;
        }
      }
    }
  }
  return out;
}
