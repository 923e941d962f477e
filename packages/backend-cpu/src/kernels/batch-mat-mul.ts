import * as tf from '@tensorflow/tfjs-core';
import { sgemm } from '@tensorseq/kernels';
import { type HostBackend, readFloat32 } from './host-backend';
import { lendOutput, takeOutput } from './recycled-outputs';

/**
 * `values[offset, offset + length)`: the array itself when that is all of it, so that the kernels still
 * recognise an array of their shared memory and read or write it in place (a view is a new object).
 */
function part(values: Float32Array, offset: number, length: number): Float32Array {
  return offset === 0 && values.length === length ? values : values.subarray(offset, offset + length);
}

/**
 * `BatchMatMul` on `@tensorseq/kernels`' SIMD sgemm (35–45 GFLOP/s a thread here) instead of
 * tfjs-backend-cpu's (~0.5 GFLOP/s), into recycled output arrays. Every `tf.matMul` and the MatMul
 * gradient then run on it. float32 operands whose batch dimensions are equal or 1 take this path;
 * anything else goes to `fallback`, the kernel it replaces.
 *
 * @param backendName The tfjs backend the config is for.
 * @param fallback The replaced kernel's function, for the cases this one does not cover.
 * @example
 * const original = tf.getKernel('BatchMatMul', 'cpu');
 * tf.registerKernel(batchMatMulConfigFor('cpu', original?.kernelFunc));
 */
export function batchMatMulConfigFor(backendName: string, fallback?: tf.KernelFunc): tf.KernelConfig {
  const kernelFunc: tf.KernelFunc = (params) => {
    const { inputs, attrs, backend } = params;
    const { a, b } = inputs as { a: tf.TensorInfo; b: tf.TensorInfo };
    const { transposeA, transposeB } = attrs as unknown as { transposeA: boolean; transposeB: boolean };
    const batchA = a.shape.slice(0, -2);
    const batchB = b.shape.slice(0, -2);
    const sizeA = tf.util.sizeFromShape(batchA);
    const sizeB = tf.util.sizeFromShape(batchB);
    const sameBatch = tf.util.arraysEqual(batchA, batchB);
    const simple =
      a.dtype === 'float32' && b.dtype === 'float32' && (sameBatch || sizeA === 1 || sizeB === 1);
    if (!simple) {
      if (!fallback)
        throw new Error(
          `BatchMatMul: operands must be float32 with equal or unit batch dimensions on "${backendName}". Received: a=[${a.shape}] ${a.dtype}, b=[${b.shape}] ${b.dtype}.`,
        );
      return fallback(params);
    }
    const host = backend as unknown as HostBackend;
    const [ar, ac] = a.shape.slice(-2);
    const [br, bc] = b.shape.slice(-2);
    const m = transposeA ? ac : ar;
    const k = transposeA ? ar : ac;
    const n = transposeB ? br : bc;
    if ((transposeB ? bc : br) !== k) {
      throw new RangeError(
        `BatchMatMul: inner dimensions must agree. Received: a=[${a.shape}], b=[${b.shape}], transposeA=${transposeA}, transposeB=${transposeB}.`,
      );
    }
    const batch = Math.max(sizeA, sizeB);
    const outBatch = sizeA >= sizeB ? batchA : batchB;
    const av = readFloat32(host, a);
    const bv = readFloat32(host, b);
    // A disposed product's array when provably unshared: fresh pages cost ~3 ms per MB here (page faults).
    const out = takeOutput(host, batch * m * n);
    for (let i = 0; i < batch; i++) {
      const aOff = sizeA === 1 ? 0 : i * m * k;
      const bOff = sizeB === 1 ? 0 : i * k * n;
      sgemm(
        transposeA,
        transposeB,
        m,
        n,
        k,
        part(av, aOff, m * k),
        part(bv, bOff, k * n),
        part(out, i * m * n, m * n),
      );
    }
    return lendOutput(host, out, [...outBatch, m, n]);
  };
  return { kernelName: 'BatchMatMul', backendName, kernelFunc };
}
