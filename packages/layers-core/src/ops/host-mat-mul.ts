import * as tf from '@tensorflow/tfjs-core';
import { sgemm } from '@tensorseq/kernels';

function hostData(t: tf.Tensor): Float32Array {
  const data = t.dataSync();
  return data instanceof Float32Array ? data : Float32Array.from(data as ArrayLike<number>);
}

/**
 * `x [m, k] @ w [k, n]` as one custom gradient whose forward and both backward products run on
 * `@tensorseq/kernels`' sgemm (WebAssembly SIMD, ~20–30 GFLOP/s here) instead of tfjs-backend-cpu's
 * matMul (~0.5 GFLOP/s). Only for host-memory backends (see `isHostMemoryBackend`).
 *
 * @example
 * hostMatMul(tf.ones([2, 3]), tf.ones([3, 4])); // → Tensor [2, 4] of 3s
 */
export function hostMatMul(x: tf.Tensor2D, w: tf.Tensor2D): tf.Tensor2D {
  const product = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [xt, wt, save] = args as [tf.Tensor, tf.Tensor, tf.GradSaveFunc];
    const [m, k] = xt.shape;
    const n = wt.shape[1] as number;
    const out = new Float32Array(m * n);
    sgemm(false, false, m, n, k, hostData(xt), hostData(wt), out);
    save([xt, wt]);
    return {
      value: tf.tensor2d(out, [m, n]),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [xs, ws] = saved;
        const dyData = hostData(dy);
        const dx = new Float32Array(m * k);
        sgemm(false, true, m, k, n, dyData, hostData(ws), dx); // dy @ wᵀ
        const dw = new Float32Array(k * n);
        sgemm(true, false, k, n, m, hostData(xs), dyData, dw); // xᵀ @ dy
        return [tf.tensor2d(dx, [m, k]), tf.tensor2d(dw, [k, n])];
      },
    };
  });
  return product(x, w) as tf.Tensor2D;
}
