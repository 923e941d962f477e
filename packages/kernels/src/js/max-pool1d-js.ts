import type { MaxPool1dArgs } from '../max-pool1d-types';

/** First real input step of window `t`. */
function windowStart(a: MaxPool1dArgs, t: number): number {
  const start = t * a.stride - a.padLeft;
  return Math.max(start, 0);
}

/** One past the last real input step of window `t`. */
function windowEnd(a: MaxPool1dArgs, t: number): number {
  const end = t * a.stride - a.padLeft + a.size;
  return Math.min(end, a.inLength);
}

/** The TypeScript twin of csrc maxpool1d_forward. */
export function maxPool1dForwardJs(a: MaxPool1dArgs): Float32Array {
  const { batch, inLength, channels: c, outLength, x } = a;
  const y = new Float32Array(batch * outLength * c);
  for (let b = 0; b < batch; b++) {
    const base = b * inLength * c;
    for (let t = 0; t < outLength; t++) {
      const lo = windowStart(a, t);
      const hi = windowEnd(a, t);
      const o = (b * outLength + t) * c;
      for (let k = 0; k < c; k++) {
        let best = x[base + lo * c + k];
        for (let s = lo + 1; s < hi; s++) {
          const v = x[base + s * c + k];
          if (v > best) best = v;
        }
        y[o + k] = best;
      }
    }
  }
  return y;
}

/** The TypeScript twin of csrc maxpool1d_backward. */
export function maxPool1dBackwardJs(a: MaxPool1dArgs, dy: Float32Array): Float32Array {
  const { batch, inLength, channels: c, outLength, x } = a;
  const dx = new Float32Array(batch * inLength * c);
  for (let b = 0; b < batch; b++) {
    const base = b * inLength * c;
    for (let t = 0; t < outLength; t++) {
      const lo = windowStart(a, t);
      const hi = windowEnd(a, t);
      const o = (b * outLength + t) * c;
      for (let k = 0; k < c; k++) {
        let at = base + lo * c + k;
        for (let s = lo + 1; s < hi; s++) {
          const row = base + s * c + k;
          if (x[row] > x[at]) at = row;
        }
        dx[at] += dy[o + k];
      }
    }
  }
  return dx;
}
