import {
  type Conv1DKernelActivation,
  type Conv1DKernelAttrs,
  type Conv1dArgs,
  conv1dBackward,
  conv1dForward,
  sgemm,
} from '@tensorseq/kernels';
import { col2im, im2col } from './im2col-impl';

/** The sizes of one Conv1D call. */
export interface Conv1DDims {
  batch: number;
  inLength: number;
  channels: number;
  filters: number;
  w: Conv1DKernelAttrs;
}

/** The gradients of {@link conv1dForwardImpl}. */
export interface Conv1DGrads {
  dx: Float32Array;
  dKernel: Float32Array;
  dBias: Float32Array;
}

/**
 * Conv1D over typed arrays (Keras layouts), the activation applied in place. Stride 1 runs the kernels
 * package's tap GEMMs over the whole padded batch (no im2col copy); other strides run im2col + `sgemm`,
 * one sample at a time.
 *
 * @example
 * conv1dForwardImpl(Float32Array.of(1, 2, 3), Float32Array.of(1, 1), null, dims, 'linear') // → [3, 5]
 */
export function conv1dForwardImpl(
  x: Float32Array,
  kernel: Float32Array,
  bias: Float32Array | null,
  d: Conv1DDims,
  activation: Conv1DKernelActivation,
): Float32Array {
  const y = d.w.stride === 1 ? conv1dForward(tapArgs(x, kernel, bias, d)) : im2colForward(x, kernel, bias, d);
  if (activation === 'relu') for (let i = 0; i < y.length; i++) if (y[i] < 0) y[i] = 0;
  return y;
}

/**
 * The gradients of {@link conv1dForwardImpl} from dL/dy and the forward's output `y` (relu passes `dy`
 * where `y > 0`, as tfjs' relu gradient does).
 *
 * @example
 * conv1dBackwardImpl(dy, x, kernel, y, dims, 'relu').dKernel // → [size·C·F]
 */
export function conv1dBackwardImpl(
  dy: Float32Array,
  x: Float32Array,
  kernel: Float32Array,
  y: Float32Array,
  d: Conv1DDims,
  activation: Conv1DKernelActivation,
): Conv1DGrads {
  let dz = dy;
  if (activation === 'relu') {
    dz = new Float32Array(dy.length);
    for (let i = 0; i < dy.length; i++) if (y[i] > 0) dz[i] = dy[i];
  }
  if (d.w.stride !== 1) return im2colBackward(x, kernel, dz, d);
  const g = conv1dBackward(tapArgs(x, kernel, null, d), dz);
  const dBias = new Float32Array(d.filters);
  for (let i = 0; i < dz.length; i += d.filters) {
    for (let f = 0; f < d.filters; f++) dBias[f] += dz[i + f];
  }
  return { dx: unpadBatch(g.dx, d), dKernel: g.dKernel, dBias };
}

/** Padded length of one sample. */
function span(d: Conv1DDims): number {
  return d.inLength + d.w.padLeft + d.w.padRight;
}

/** The kernels package's arguments: the whole tap-sum runs in one call (one copy into wasm memory). */
function tapArgs(
  x: Float32Array,
  kernel: Float32Array,
  bias: Float32Array | null,
  d: Conv1DDims,
): Conv1dArgs {
  return {
    batch: d.batch,
    span: span(d),
    channels: d.channels,
    filters: d.filters,
    size: d.w.size,
    dilation: d.w.dilation,
    outLength: d.w.outLength,
    x: padBatch(x, d),
    kernel,
    bias,
  };
}

/** The batch with `padLeft`/`padRight` zero steps around every sample (the input itself when unpadded). */
function padBatch(x: Float32Array, d: Conv1DDims): Float32Array {
  const { w, channels: c } = d;
  if (w.padLeft + w.padRight === 0) return x;
  const out = new Float32Array(d.batch * span(d) * c);
  for (let b = 0; b < d.batch; b++) {
    out.set(x.subarray(b * d.inLength * c, (b + 1) * d.inLength * c), (b * span(d) + w.padLeft) * c);
  }
  return out;
}

/** The inverse of {@link padBatch}: drops the padding steps' rows. */
function unpadBatch(xp: Float32Array, d: Conv1DDims): Float32Array {
  const { w, channels: c } = d;
  if (w.padLeft + w.padRight === 0) return xp;
  const out = new Float32Array(d.batch * d.inLength * c);
  for (let b = 0; b < d.batch; b++) {
    const from = (b * span(d) + w.padLeft) * c;
    out.set(xp.subarray(from, from + d.inLength * c), b * d.inLength * c);
  }
  return out;
}

/** `y_b = im2col(x_b) @ K (+ bias)` per sample; the im2col buffer holds one sample at a time. */
function im2colForward(
  x: Float32Array,
  kernel: Float32Array,
  bias: Float32Array | null,
  d: Conv1DDims,
): Float32Array {
  const { batch, channels, filters, w } = d;
  const depth = w.size * channels;
  const rows = w.outLength * filters;
  const y = new Float32Array(batch * rows);
  const col = new Float32Array(w.outLength * depth);
  for (let b = 0; b < batch; b++) {
    im2col(x, b, d, col);
    const yb = y.subarray(b * rows, (b + 1) * rows);
    if (bias) for (let t = 0; t < w.outLength; t++) yb.set(bias, t * filters);
    sgemm(false, false, w.outLength, filters, depth, col, kernel, yb, bias !== null);
  }
  return y;
}

/** `dK = Σ_b im2col(x_b)ᵀ @ dy_b`, `dx_b = col2im(dy_b @ Kᵀ)`, `dBias = Σ dy`; im2col is rebuilt, not kept. */
function im2colBackward(x: Float32Array, kernel: Float32Array, dy: Float32Array, d: Conv1DDims): Conv1DGrads {
  const { batch, channels, filters, w } = d;
  const depth = w.size * channels;
  const rows = w.outLength * filters;
  const dx = new Float32Array(batch * d.inLength * channels);
  const dKernel = new Float32Array(depth * filters);
  const dBias = new Float32Array(filters);
  const col = new Float32Array(w.outLength * depth);
  for (let b = 0; b < batch; b++) {
    const dyb = dy.subarray(b * rows, (b + 1) * rows);
    im2col(x, b, d, col);
    sgemm(true, false, depth, filters, w.outLength, col, dyb, dKernel, true);
    // The same buffer now receives dcol = dy_b @ Kᵀ, which col2im scatters onto dx.
    sgemm(false, true, w.outLength, depth, filters, dyb, kernel, col);
    col2im(col, b, d, dx);
  }
  for (let i = 0; i < dy.length; i += filters) {
    for (let f = 0; f < filters; f++) dBias[f] += dy[i + f];
  }
  return { dx, dKernel, dBias };
}
