import {
  type Conv1DKernelActivation,
  type Conv1DKernelAttrs,
  type Conv1dArgs,
  conv1dBackwardInput,
  conv1dBackwardWeights,
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

/** The weight gradients of {@link conv1dForwardImpl}. */
export interface Conv1DWeightGrads {
  dKernel: Float32Array;
  dBias: Float32Array;
}

/**
 * Conv1D over typed arrays (Keras layouts) with its activation, written into `into` ([B, outLength,
 * filters] floats) when given. Stride 1 runs the kernels package's tap GEMMs over the whole batch,
 * padded, biased and activated inside the kernel (no copy here); other strides run im2col + `sgemm`, one
 * sample at a time.
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
  into?: Float32Array,
): Float32Array {
  if (d.w.stride === 1) return conv1dForward(tapArgs(x, kernel, bias, d, activation), { into });
  const y = im2colForward(x, kernel, bias, d, into);
  if (activation === 'relu') for (let i = 0; i < y.length; i++) if (y[i] < 0) y[i] = 0;
  return y;
}

/**
 * dKernel and dBias of {@link conv1dForwardImpl} from dL/dy and the forward's output `y` (relu passes
 * `dy` where `y > 0`, as tfjs' relu gradient does).
 *
 * @example
 * conv1dWeightGradsImpl(dy, x, kernel, y, dims, 'relu').dKernel // → [size·C·F]
 */
export function conv1dWeightGradsImpl(
  dy: Float32Array,
  x: Float32Array,
  kernel: Float32Array,
  y: Float32Array,
  d: Conv1DDims,
  activation: Conv1DKernelActivation,
): Conv1DWeightGrads {
  if (d.w.stride !== 1) {
    const g = im2colBackward(x, kernel, reluMasked(dy, y, activation), d);
    return { dKernel: g.dKernel, dBias: g.dBias };
  }
  // The kernel sums dBias only for a biased call: a zero placeholder asks for it.
  const args = tapArgs(x, kernel, new Float32Array(d.filters), d, activation);
  const g = conv1dBackwardWeights(args, dy, { y });
  return { dKernel: g.dKernel, dBias: g.dBias as Float32Array };
}

/**
 * dx of {@link conv1dForwardImpl}, written into `into` (x's length) when given (at stride 1 `x`'s values
 * are not read; other strides run the im2col path, which computes all the gradients at once).
 *
 * @example
 * conv1dInputGradImpl(dy, x, kernel, y, dims, 'relu') // → [B·inLength·C]
 */
export function conv1dInputGradImpl(
  dy: Float32Array,
  x: Float32Array,
  kernel: Float32Array,
  y: Float32Array,
  d: Conv1DDims,
  activation: Conv1DKernelActivation,
  into?: Float32Array,
): Float32Array {
  if (d.w.stride !== 1) return im2colBackward(x, kernel, reluMasked(dy, y, activation), d, into).dx;
  return conv1dBackwardInput(tapArgs(x, kernel, null, d, activation), dy, { y, dxInto: into });
}

/** dy where `y > 0` under relu (a new array), dy itself otherwise. */
function reluMasked(dy: Float32Array, y: Float32Array, activation: Conv1DKernelActivation): Float32Array {
  if (activation !== 'relu') return dy;
  const dz = new Float32Array(dy.length);
  for (let i = 0; i < dy.length; i++) if (y[i] > 0) dz[i] = dy[i];
  return dz;
}

/** The kernels package's arguments: the whole tap-sum runs in one call (one copy into wasm memory). */
function tapArgs(
  x: Float32Array,
  kernel: Float32Array,
  bias: Float32Array | null,
  d: Conv1DDims,
  activation: Conv1DKernelActivation,
): Conv1dArgs {
  const { w } = d;
  return {
    batch: d.batch,
    span: d.inLength + w.padLeft + w.padRight,
    channels: d.channels,
    filters: d.filters,
    size: w.size,
    dilation: w.dilation,
    outLength: w.outLength,
    x,
    kernel,
    bias,
    padLeft: w.padLeft,
    padRight: w.padRight,
    activation,
  };
}

/** `y_b = im2col(x_b) @ K (+ bias)` per sample (into `y`); the im2col buffer holds one sample at a time. */
function im2colForward(
  x: Float32Array,
  kernel: Float32Array,
  bias: Float32Array | null,
  d: Conv1DDims,
  y: Float32Array = new Float32Array(d.batch * d.w.outLength * d.filters),
): Float32Array {
  const { batch, channels, filters, w } = d;
  const depth = w.size * channels;
  const rows = w.outLength * filters;
  const col = new Float32Array(w.outLength * depth);
  for (let b = 0; b < batch; b++) {
    im2col(x, b, d, col);
    const yb = y.subarray(b * rows, (b + 1) * rows);
    if (bias) for (let t = 0; t < w.outLength; t++) yb.set(bias, t * filters);
    sgemm(false, false, w.outLength, filters, depth, col, kernel, yb, bias !== null);
  }
  return y;
}

/**
 * `dK = Σ_b im2col(x_b)ᵀ @ dy_b`, `dx_b = col2im(dy_b @ Kᵀ)` (into `dx`), `dBias = Σ dy`; im2col is
 * rebuilt, not kept.
 */
function im2colBackward(
  x: Float32Array,
  kernel: Float32Array,
  dy: Float32Array,
  d: Conv1DDims,
  dx: Float32Array = new Float32Array(d.batch * d.inLength * d.channels),
): Conv1DWeightGrads & { dx: Float32Array } {
  const { batch, channels, filters, w } = d;
  const depth = w.size * channels;
  const rows = w.outLength * filters;
  dx.fill(0);
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
