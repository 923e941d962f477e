import type { Pool1DKernelAttrs } from '@tensorseq/kernels';

/** The sizes of one 1D pooling call. */
export interface Pool1DDims {
  batch: number;
  inLength: number;
  channels: number;
  w: Pool1DKernelAttrs;
}

/** First and one-past-last real input step of output window `t` (padding cells excluded). */
function windowRange(t: number, d: Pool1DDims): [number, number] {
  const start = t * d.w.stride - d.w.padLeft;
  return [Math.max(start, 0), Math.min(start + d.w.size, d.inLength)];
}

/**
 * For every output cell of a max pooling, the flat index into `x` of its window's first arg-max (padding
 * cells never win, as in TensorFlow). The forward reads the maxima through it; the backward sends each
 * gradient there. Written into `into` (every cell; it must hold at least that many) when given.
 *
 * @example
 * maxPool1dArgmax(Float32Array.of(1, 3, 2, 0), dims) // size 2, stride 2 → Int32Array [1, 2]
 */
export function maxPool1dArgmax(x: ArrayLike<number>, d: Pool1DDims, into?: Int32Array): Int32Array {
  const { batch, inLength, channels, w } = d;
  const argmax = into ?? new Int32Array(batch * w.outLength * channels);
  for (let b = 0; b < batch; b++) {
    const base = b * inLength * channels;
    for (let t = 0; t < w.outLength; t++) {
      const [lo, hi] = windowRange(t, d);
      const o = (b * w.outLength + t) * channels;
      for (let c = 0; c < channels; c++) {
        let best = base + lo * channels + c;
        for (let s = lo + 1; s < hi; s++) {
          const at = base + s * channels + c;
          if (x[at] > x[best]) best = at;
        }
        argmax[o + c] = best;
      }
    }
  }
  return argmax;
}

/**
 * Max pooling: every output cell is its window's maximum, the value at {@link maxPool1dArgmax}'s index
 * (the same comparisons, so ties and NaN resolve the same way), without building the index array.
 *
 * @example
 * maxPool1dImpl(Float32Array.of(1, 3, 2, 0), dims) // size 2, stride 2 → Float32Array [3, 2]
 */
export function maxPool1dImpl(x: ArrayLike<number>, d: Pool1DDims): Float32Array {
  const { batch, inLength, channels, w } = d;
  const y = new Float32Array(batch * w.outLength * channels);
  for (let b = 0; b < batch; b++) {
    const base = b * inLength * channels;
    for (let t = 0; t < w.outLength; t++) {
      const [lo, hi] = windowRange(t, d);
      const o = (b * w.outLength + t) * channels;
      const first = base + lo * channels;
      for (let c = 0; c < channels; c++) y[o + c] = x[first + c];
      for (let s = lo + 1; s < hi; s++) {
        const row = base + s * channels;
        for (let c = 0; c < channels; c++) {
          const v = x[row + c];
          if (v > y[o + c]) y[o + c] = v;
        }
      }
    }
  }
  return y;
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
      const [lo, hi] = windowRange(t, d);
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
