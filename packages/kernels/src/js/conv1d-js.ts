import type { Conv1dArgs, Conv1dGrads } from '../conv1d-types';
import { gemmJs } from './gemm';

/** Rows of the batch-wide tap GEMMs: start positions whose window stays inside the flat padded batch. */
export function conv1dRows(a: Conv1dArgs): number {
  return a.batch * a.span - (a.size - 1) * a.dilation;
}

/** The TypeScript twin of csrc conv1d_forward. */
export function conv1dForwardJs(a: Conv1dArgs): Float32Array {
  const { channels: c, filters: f, dilation: d, span, outLength } = a;
  const rows = conv1dRows(a);
  const full = new Float32Array(rows * f);
  for (let j = 0; j < a.size; j++) {
    gemmJs(false, false, rows, f, c, a.x, j * d * c, c, a.kernel, j * c * f, f, full, 0, f, j > 0);
  }
  const y = new Float32Array(a.batch * outLength * f);
  for (let b = 0; b < a.batch; b++) {
    y.set(full.subarray(b * span * f, (b * span + outLength) * f), b * outLength * f);
  }
  if (a.bias) {
    for (let i = 0; i < y.length; i += f) for (let o = 0; o < f; o++) y[i + o] += a.bias[o];
  }
  return y;
}

/** The TypeScript twin of csrc conv1d_backward_spread + conv1d_backward_grads. */
export function conv1dBackwardJs(a: Conv1dArgs, dy: Float32Array): Conv1dGrads {
  const { channels: c, filters: f, dilation: d, span, outLength } = a;
  const rows = conv1dRows(a);
  const full = new Float32Array(rows * f);
  for (let b = 0; b < a.batch; b++) {
    const n = Math.min(outLength, rows - b * span);
    if (n > 0) full.set(dy.subarray(b * outLength * f, (b * outLength + n) * f), b * span * f);
  }
  const dKernel = new Float32Array(a.size * c * f);
  const dx = new Float32Array(a.batch * span * c);
  for (let j = 0; j < a.size; j++) {
    gemmJs(true, false, c, f, rows, a.x, j * d * c, c, full, 0, f, dKernel, j * c * f, f, false);
    gemmJs(false, true, rows, c, f, full, 0, f, a.kernel, j * c * f, f, dx, j * d * c, c, true);
  }
  let dBias: Float32Array | null = null;
  if (a.bias) {
    dBias = new Float32Array(f);
    for (let i = 0; i < dy.length; i += f) for (let o = 0; o < f; o++) dBias[o] += dy[i + o];
  }
  return { dx, dKernel, dBias };
}
