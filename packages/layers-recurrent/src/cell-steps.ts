import * as tf from '@tensorflow/tfjs-core';
import type { CellStep, ResolvedCellOptions } from './cell-kinds';
import type { CellWeights } from './cell-weights';
import { applyActivation } from './recurrent-activation';

/**
 * The step math of each built-in cell family, as differentiable tfjs-core ops (the reference loop runs
 * them; the fused kernels implement the same equations). Each receives x_t and h_{t-1} after dropout,
 * plus the undropped states.
 */

/**
 * SimpleRNN: `h_t = act(x_t @ K + h_{t-1} @ U + b)`.
 *
 * @example
 * simpleRnnStep(w, x, h, [h], options).output // → [batch, units]
 */
export const simpleRnnStep: CellStep = (w, x, h, _states, o) => {
  const out = applyActivation(o.activation, preActivations(w, x, h)) as tf.Tensor2D;
  return { output: out, states: [out] };
};

/**
 * LSTM (gate order i, f, c, o): `z = x@K + h@U + b; c' = ra(z_f)*c + ra(z_i)*act(z_c); h' = ra(z_o)*act(c')`.
 *
 * @example
 * lstmStep(w, x, h, [h, c], options).states // → [h', c']
 */
export const lstmStep: CellStep = (w, x, h, states, o) => {
  const [zi, zf, zc, zo] = tf.split(preActivations(w, x, h), 4, 1);
  const ra = (t: tf.Tensor) => applyActivation(o.recurrentActivation, t);
  const act = (t: tf.Tensor) => applyActivation(o.activation, t);
  const c = tf.add(tf.mul(ra(zf), states[1]), tf.mul(ra(zi), act(zc))) as tf.Tensor2D;
  const hNext = tf.mul(ra(zo), act(c)) as tf.Tensor2D;
  return { output: hNext, states: [hNext, c] };
};

/**
 * GRU (gate order z, r, h), `h' = z*h + (1-z)*hh`, where `resetAfter: false` (Keras 2.0) gives
 * `hh = act(x@K_h + b_h + (r*h)@U_h)` and `resetAfter: true` (TF2 / cuDNN) gives
 * `hh = act(x@K_h + bi_h + r*(h@U_h + br_h))`. The blend uses the undropped h: dropout only perturbs
 * what enters the matmuls.
 *
 * @example
 * gruStep(w, x, h, [h], options).output // → [batch, units]
 */
export const gruStep: CellStep = (w, x, h, states, o) => {
  const { z, candidate } = o.resetAfter ? gruResetAfter(w, x, h, o) : gruResetBefore(w, x, h, o);
  const next = tf.add(tf.mul(z, states[0]), tf.mul(tf.sub(1, z), candidate)) as tf.Tensor2D;
  return { output: next, states: [next] };
};

/** `x @ K + h @ U (+ b)`: every gate's pre-activation at once. */
function preActivations(w: CellWeights, x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor {
  const z = tf.add(tf.matMul(x, w.kernel.read()), tf.matMul(h, w.recurrentKernel.read()));
  return w.bias ? tf.add(z, w.bias.read()) : z;
}

/** Keras 2.0 GRU: the reset gate scales h before the recurrent matmul of the candidate. */
function gruResetBefore(w: CellWeights, x: tf.Tensor2D, h: tf.Tensor2D, o: ResolvedCellOptions) {
  const u = o.units;
  const rk = w.recurrentKernel.read();
  let xz = tf.matMul(x, w.kernel.read());
  if (w.bias) xz = tf.add(xz, w.bias.read());
  const [xZ, xR, xH] = tf.split(xz, 3, 1);
  const [hZ, hR] = tf.split(tf.matMul(h, tf.slice(rk, [0, 0], [u, 2 * u])), 2, 1);
  const z = applyActivation(o.recurrentActivation, tf.add(xZ, hZ));
  const r = applyActivation(o.recurrentActivation, tf.add(xR, hR));
  const recurrentH = tf.matMul(tf.mul(r, h), tf.slice(rk, [0, 2 * u], [u, u]));
  return { z, candidate: applyActivation(o.activation, tf.add(xH, recurrentH)) };
}

/** TF2 / cuDNN GRU: the reset gate scales the recurrent projection (plus its own bias). */
function gruResetAfter(w: CellWeights, x: tf.Tensor2D, h: tf.Tensor2D, o: ResolvedCellOptions) {
  let xz = tf.matMul(x, w.kernel.read());
  let hz = tf.matMul(h, w.recurrentKernel.read());
  if (w.bias) {
    const [inputBias, recurrentBias] = tf.unstack(w.bias.read(), 0);
    xz = tf.add(xz, inputBias);
    hz = tf.add(hz, recurrentBias);
  }
  const [xZ, xR, xH] = tf.split(xz, 3, 1);
  const [hZ, hR, hH] = tf.split(hz, 3, 1);
  const z = applyActivation(o.recurrentActivation, tf.add(xZ, hZ));
  const r = applyActivation(o.recurrentActivation, tf.add(xR, hR));
  return { z, candidate: applyActivation(o.activation, tf.add(xH, tf.mul(r, hH))) };
}
