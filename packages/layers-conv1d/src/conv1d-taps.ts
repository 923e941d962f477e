import * as tf from '@tensorflow/tfjs-core';
import { sgemm } from '@tensorseq/kernels';
import type { Window1D } from './conv-utils';
import { applyFusedActivation, type FusedActivation, fusedActivationGrad } from './fused-activation';

interface TapDims {
  batch: number;
  channels: number;
  filters: number;
  /** Padded length of one sample. */
  span: number;
  /** Rows of the batch-wide GEMMs: every start position whose window stays inside the flat padded batch. */
  rows: number;
  w: Window1D;
}

/**
 * Conv1D with stride 1 as one custom gradient made of batch-wide GEMMs, one per kernel tap:
 * `Yfull = Σ_j Xpad[j·d : j·d + rows] @ K[j]`, where `Xpad` is the whole padded batch read as one
 * `[batch·span, channels]` matrix. Output step t of sample b is row `b·span + t` of `Yfull`; the few rows
 * whose window straddles two samples are computed and dropped (`(size - 1)·d` per sample). Compared with
 * im2col this never copies receptive fields (the tap slices are views), the GEMMs are as tall as the
 * batch, and the backward pass is two more GEMMs per tap (`dK[j] = Xpad_jᵀ @ dYfull`,
 * `dXpad[j·d :] += dYfull @ K[j]ᵀ`) with no col2im loop.
 *
 * @param x - `[batch, inLength, channels]` float32.
 * @param kernel - `[size, channels, filters]` (Keras layout).
 * @param bias - `[filters]`, or null.
 * @param w - the window geometry from `window1d`; its stride must be 1.
 * @param activation - applied inside the custom gradient. @defaultValue 'linear'
 * @returns `[batch, outLength, filters]`.
 * @example
 * conv1dTaps(tf.ones([1, 3, 1]), tf.ones([2, 1, 1]), null, window1d(3, { size: 2 })) // → [[[2], [2]]]
 */
export function conv1dTaps(
  x: tf.Tensor3D,
  kernel: tf.Tensor,
  bias: tf.Tensor | null,
  w: Window1D,
  activation: FusedActivation = 'linear',
): tf.Tensor3D {
  if (w.stride !== 1) {
    throw new RangeError(`conv1dTaps: the window stride must be 1. Received: stride=${w.stride}.`);
  }
  const [batch, , channels] = x.shape;
  const span = w.inLength + w.padLeft + w.padRight;
  const dims: TapDims = {
    batch,
    channels,
    filters: kernel.shape[2] as number,
    span,
    rows: batch * span - (w.size - 1) * w.dilation,
    w,
  };
  const run = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const save = args[args.length - 1] as tf.GradSaveFunc;
    const [xt, kt, bt] = args as tf.Tensor[];
    save([xt, kt]);
    const y = forward(padBatch(read(xt), dims), read(kt), bias ? read(bt) : null, dims);
    applyFusedActivation(activation, y);
    return {
      value: tf.tensor3d(y, [batch, w.outLength, dims.filters]),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const dz = fusedActivationGrad(activation, read(dy), y);
        const g = backward(padBatch(read(saved[0]), dims), read(saved[1]), dz, dims);
        const dx = tf.tensor3d(g.dx, x.shape);
        const dk = tf.tensor(g.dKernel, kernel.shape);
        return bias ? [dx, dk, tf.tensor1d(g.dBias)] : [dx, dk];
      },
    };
  });
  return (bias ? run(x, kernel, bias) : run(x, kernel)) as tf.Tensor3D;
}

function read(t: tf.Tensor): Float32Array {
  return t.dataSync() as Float32Array;
}

/** The batch with `padLeft`/`padRight` zero steps around every sample (the input itself when unpadded). */
function padBatch(x: Float32Array, d: TapDims): Float32Array {
  const { w, channels: c } = d;
  if (w.padLeft + w.padRight === 0) return x;
  const out = new Float32Array(d.batch * d.span * c);
  for (let b = 0; b < d.batch; b++) {
    out.set(x.subarray(b * w.inLength * c, (b + 1) * w.inLength * c), (b * d.span + w.padLeft) * c);
  }
  return out;
}

/** Rows `[j·d, j·d + rows)` of a `[batch·span, width]` matrix, as a view. */
function tapRows(m: Float32Array, j: number, width: number, d: TapDims): Float32Array {
  const start = j * d.w.dilation * width;
  return m.subarray(start, start + d.rows * width);
}

function forward(
  xp: Float32Array,
  kernel: Float32Array,
  bias: Float32Array | null,
  d: TapDims,
): Float32Array {
  const { channels: c, filters: f, w } = d;
  const full = new Float32Array(d.rows * f);
  for (let j = 0; j < w.size; j++) {
    sgemm(
      false,
      false,
      d.rows,
      f,
      c,
      tapRows(xp, j, c, d),
      kernel.subarray(j * c * f, (j + 1) * c * f),
      full,
      j > 0,
    );
  }
  const y = new Float32Array(d.batch * w.outLength * f);
  for (let b = 0; b < d.batch; b++) {
    y.set(full.subarray(b * d.span * f, (b * d.span + w.outLength) * f), b * w.outLength * f);
  }
  if (bias) {
    for (let i = 0; i < y.length; i += f) {
      for (let o = 0; o < f; o++) y[i + o] += bias[o];
    }
  }
  return y;
}

function backward(
  xp: Float32Array,
  kernel: Float32Array,
  dy: Float32Array,
  d: TapDims,
): { dx: Float32Array; dKernel: Float32Array; dBias: Float32Array } {
  const { channels: c, filters: f, w } = d;
  // dy spread onto the full rows; rows whose window straddles two samples get no gradient.
  const full = new Float32Array(d.rows * f);
  for (let b = 0; b < d.batch; b++) {
    full.set(dy.subarray(b * w.outLength * f, (b + 1) * w.outLength * f), b * d.span * f);
  }
  const dKernel = new Float32Array(w.size * c * f);
  const dxp = new Float32Array(d.batch * d.span * c);
  for (let j = 0; j < w.size; j++) {
    const kj = kernel.subarray(j * c * f, (j + 1) * c * f);
    sgemm(
      true,
      false,
      c,
      f,
      d.rows,
      tapRows(xp, j, c, d),
      full,
      dKernel.subarray(j * c * f, (j + 1) * c * f),
    );
    sgemm(false, true, d.rows, c, f, full, kj, tapRows(dxp, j, c, d), true);
  }
  const dBias = new Float32Array(f);
  for (let i = 0; i < dy.length; i += f) {
    for (let o = 0; o < f; o++) dBias[o] += dy[i + o];
  }
  return { dx: unpadBatch(dxp, d), dKernel, dBias };
}

/** The inverse of {@link padBatch}: drops the padding steps' rows. */
function unpadBatch(xp: Float32Array, d: TapDims): Float32Array {
  const { w, channels: c } = d;
  if (w.padLeft + w.padRight === 0) return xp;
  const out = new Float32Array(d.batch * w.inLength * c);
  for (let b = 0; b < d.batch; b++) {
    const from = (b * d.span + w.padLeft) * c;
    out.set(xp.subarray(from, from + w.inLength * c), b * w.inLength * c);
  }
  return out;
}
