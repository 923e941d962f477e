import * as tf from '@tensorflow/tfjs-core';
import { type HostBackend, writeFloat32 } from './host-backend';

/**
 * `MaxPoolGrad` (NHWC) for a host-memory backend: each window's gradient goes to its first arg-max, as
 * in TensorFlow and tfjs-backend-cpu. tfjs-backend-wasm 4.22's own sends it to the wrong cells for
 * `[1, k]` windows (the max-pooling conformance cases fail with it), so the wasm adapter replaces it.
 *
 * @param backendName The tfjs backend the config is for.
 * @example
 * tf.registerKernel(maxPoolGradConfigFor('wasm'));
 */
export function maxPoolGradConfigFor(backendName: string): tf.KernelConfig {
  return {
    kernelName: 'MaxPoolGrad',
    backendName,
    kernelFunc: ({ inputs, attrs, backend }) => {
      const { dy, input } = inputs as { dy: tf.TensorInfo; input: tf.TensorInfo };
      const { filterSize, strides, pad, dimRoundingMode } = attrs as unknown as {
        filterSize: number | [number, number];
        strides: number | [number, number];
        pad: 'valid' | 'same' | number;
        dimRoundingMode?: 'floor' | 'round' | 'ceil';
      };
      const info = tf.backend_util.computePool2DInfo(
        input.shape as [number, number, number, number],
        filterSize,
        strides,
        1,
        pad,
        dimRoundingMode,
      );
      const host = backend as unknown as HostBackend;
      const x = host.readSync(input.dataId) as ArrayLike<number>;
      const g = host.readSync(dy.dataId) as ArrayLike<number>;
      const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth } = info;
      const top = info.padInfo.top;
      const left = info.padInfo.left;
      const dx = new Float32Array(batchSize * inHeight * inWidth * inChannels);
      for (let b = 0; b < batchSize; b++) {
        for (let yR = 0; yR < outHeight; yR++) {
          for (let yC = 0; yC < outWidth; yC++) {
            for (let d = 0; d < inChannels; d++) {
              let best = -1;
              let bestValue = Number.NEGATIVE_INFINITY;
              for (let wR = 0; wR < info.filterHeight; wR++) {
                const xR = yR * info.strideHeight + wR - top;
                if (xR < 0 || xR >= inHeight) continue;
                for (let wC = 0; wC < info.filterWidth; wC++) {
                  const xC = yC * info.strideWidth + wC - left;
                  if (xC < 0 || xC >= inWidth) continue;
                  const at = ((b * inHeight + xR) * inWidth + xC) * inChannels + d;
                  if (x[at] > bestValue || best < 0) {
                    bestValue = x[at];
                    best = at;
                  }
                }
              }
              if (best >= 0) dx[best] += g[((b * outHeight + yR) * outWidth + yC) * inChannels + d];
            }
          }
        }
      }
      return writeFloat32(host, dx, [...input.shape]);
    },
  };
}
