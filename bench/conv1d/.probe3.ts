import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { window1d } from '@tensorseq/layers-conv1d';
import { conv1dIm2col } from '../../packages/layers-conv1d/src/conv1d-im2col';
import { conv1dTaps } from '../../packages/layers-conv1d/src/conv1d-taps';

await tf.setBackend('cpu');
const B = Number(process.env.B ?? 16);
const x = tf.randomNormal([B, 500, 128]) as tf.Tensor3D;
const kk = tf.randomNormal([7, 128, 32]);
const bb = tf.zeros([32]);
const w = window1d(500, { size: 7 });
for (const [name, f] of [
  ['taps', conv1dTaps],
  ['im2col', conv1dIm2col],
  ['taps', conv1dTaps],
] as const) {
  let t0 = performance.now();
  const y = f(x, kk, bb, w);
  const fwd = performance.now() - t0;
  t0 = performance.now();
  const g = tf.grads((a: tf.Tensor, k2: tf.Tensor, b2: tf.Tensor) => f(a as tf.Tensor3D, k2, b2, w))(
    [x, kk, bb],
    y,
  );
  console.log(name, 'fwd ms', fwd.toFixed(0), 'fwd+bwd ms', (performance.now() - t0).toFixed(0));
  tf.dispose([y, ...g]);
}
