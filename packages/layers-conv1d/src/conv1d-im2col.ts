import * as tf from '@tensorflow/tfjs-core';
import { sgemm } from '@tensorseq/kernels';
import type { Window1D } from './conv-utils';
import { applyFusedActivation, type FusedActivation, fusedActivationGrad } from './fused-activation';
import { col2im, im2col } from './im2col';

interface ConvDims {
  batch: number;
  channels: number;
  filters: number;
  w: Window1D;
}

/**
 * Conv1D as one custom gradient: forward `y_b = im2col(x_b) @ K (+ bias)` per sample with `sgemm`;
 * backward `dK = Σ_b im2col(x_b)ᵀ @ dy_b`, `dx_b = col2im(dy_b @ Kᵀ)`, `dBias = Σ dy`. The im2col buffer
 * is one sample at a time (a whole batch would be `size` times the input) and is rebuilt in the backward
 * pass rather than kept.
 *
 * @param x - `[batch, inLength, channels]` float32.
 * @param kernel - `[size, channels, filters]` (Keras layout).
 * @param bias - `[filters]`, or null without bias.
 * @param w - the window geometry from `window1d`.
 * @param activation - applied inside the custom gradient. @defaultValue 'linear'
 * @returns `[batch, outLength, filters]`.
 * @example
 * const y = conv1dIm2col(tf.ones([1, 3, 1]), tf.ones([2, 1, 1]), null, window1d(3, { size: 2 }));
 * // y → [[[2], [2]]]
 */
export function conv1dIm2col(
  x: tf.Tensor3D,
  kernel: tf.Tensor,
  bias: tf.Tensor | null,
  w: Window1D,
  activation: FusedActivation = 'linear',
): tf.Tensor3D {
  const dims: ConvDims = { batch: x.shape[0], channels: x.shape[2], filters: kernel.shape[2] as number, w };
  const run = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const save = args[args.length - 1] as tf.GradSaveFunc;
    const [xt, kt, bt] = args as tf.Tensor[];
    save([xt, kt]);
    const y = forward(read(xt), read(kt), bias ? read(bt) : null, dims);
    applyFusedActivation(activation, y);
    return {
      value: tf.tensor3d(y, [dims.batch, w.outLength, dims.filters]),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const dz = fusedActivationGrad(activation, read(dy), y);
        const g = backward(read(saved[0]), read(saved[1]), dz, dims);
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

function forward(
  x: Float32Array,
  kernel: Float32Array,
  bias: Float32Array | null,
  d: ConvDims,
): Float32Array {
  const { batch, channels, filters, w } = d;
  const depth = w.size * channels;
  const y = new Float32Array(batch * w.outLength * filters);
  const col = new Float32Array(w.outLength * depth);
  for (let b = 0; b < batch; b++) {
    im2col(x, b, channels, w, col);
    const yb = y.subarray(b * w.outLength * filters, (b + 1) * w.outLength * filters);
    if (bias) {
      for (let t = 0; t < w.outLength; t++) yb.set(bias, t * filters);
    }
    sgemm(false, false, w.outLength, filters, depth, col, kernel, yb, bias !== null);
  }
  return y;
}

function backward(
  x: Float32Array,
  kernel: Float32Array,
  dy: Float32Array,
  d: ConvDims,
): { dx: Float32Array; dKernel: Float32Array; dBias: Float32Array } {
  const { batch, channels, filters, w } = d;
  const depth = w.size * channels;
  const dx = new Float32Array(batch * w.inLength * channels);
  const dKernel = new Float32Array(depth * filters);
  const dBias = new Float32Array(filters);
  const col = new Float32Array(w.outLength * depth);
  for (let b = 0; b < batch; b++) {
    const dyb = dy.subarray(b * w.outLength * filters, (b + 1) * w.outLength * filters);
    im2col(x, b, channels, w, col);
    sgemm(true, false, depth, filters, w.outLength, col, dyb, dKernel, true);
    // The same buffer now receives dcol = dy_b @ Kᵀ, which col2im scatters onto dx.
    sgemm(false, true, w.outLength, depth, filters, dyb, kernel, col);
    col2im(col, b, channels, w, dx);
  }
  for (let i = 0; i < dy.length; i += filters) {
    for (let f = 0; f < filters; f++) dBias[f] += dy[i + f];
  }
  return { dx, dKernel, dBias };
}
