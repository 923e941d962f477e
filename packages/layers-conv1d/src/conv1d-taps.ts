import * as tf from '@tensorflow/tfjs-core';
import { type Conv1dArgs, conv1dBackward, conv1dForward } from '@tensorseq/kernels';
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
    const [xt, kt, bt] = args as tf.Tensor[];
    const conv = convArgs(padBatch(read(xt), dims), read(kt), bias ? read(bt) : null, dims);
    const y = conv1dForward(conv);
    applyFusedActivation(activation, y);
    return {
      value: tf.tensor3d(y, [batch, w.outLength, dims.filters]),
      gradFunc: (dy: tf.Tensor) => {
        const dz = fusedActivationGrad(activation, read(dy), y);
        const g = conv1dBackward(conv, dz);
        const dx = tf.tensor3d(unpadBatch(g.dx, dims), x.shape);
        const dk = tf.tensor(g.dKernel, kernel.shape);
        return g.dBias ? [dx, dk, tf.tensor1d(g.dBias)] : [dx, dk];
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

/** The kernels package's arguments: the whole tap-sum runs in one call (one copy into wasm memory). */
function convArgs(xp: Float32Array, kernel: Float32Array, bias: Float32Array | null, d: TapDims): Conv1dArgs {
  return {
    batch: d.batch,
    span: d.span,
    channels: d.channels,
    filters: d.filters,
    size: d.w.size,
    dilation: d.w.dilation,
    outLength: d.w.outLength,
    x: xp,
    kernel,
    bias,
  };
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
