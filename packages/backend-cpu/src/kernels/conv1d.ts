import type * as tf from '@tensorflow/tfjs-core';
import {
  type Conv1DGradKernelInputs,
  type Conv1DKernelAttrs,
  type Conv1DKernelInputs,
  TensorseqConv1D,
  TensorseqConv1DGrad,
} from '@tensorseq/kernels';
import { type Conv1DDims, conv1dBackwardImpl, conv1dForwardImpl } from './conv1d-impl';
import { type HostBackend, readFloat32, writeFloat32 } from './host-backend';

/** The engine hands over untyped maps; the contract says what they hold. */
function dims(x: tf.TensorInfo, kernel: tf.TensorInfo, attrs: tf.NamedAttrMap | undefined): Conv1DDims {
  const [batch, inLength, channels] = x.shape;
  return { batch, inLength, channels, filters: kernel.shape[2], w: attrs as unknown as Conv1DKernelAttrs };
}

/**
 * `TensorseqConv1D` and `TensorseqConv1DGrad` for a host-memory backend (glue; the math is
 * `conv1d-impl.ts`: the kernels package's tap GEMMs at stride 1, im2col + sgemm otherwise).
 *
 * @param backendName The tfjs backend the configs are for (`'cpu'`, `'wasm'`, `'tensorflow'`).
 * @example
 * conv1dKernelConfigs('wasm').map((c) => c.kernelName); // → ['TensorseqConv1D', 'TensorseqConv1DGrad']
 */
export function conv1dKernelConfigs(backendName: string): tf.KernelConfig[] {
  return [
    {
      kernelName: TensorseqConv1D,
      backendName,
      kernelFunc: ({ inputs, attrs, backend }) => {
        const host = backend as unknown as HostBackend;
        const { x, kernel, bias } = inputs as unknown as Conv1DKernelInputs<tf.TensorInfo>;
        const d = dims(x, kernel, attrs);
        const b = bias ? readFloat32(host, bias) : null;
        const y = conv1dForwardImpl(readFloat32(host, x), readFloat32(host, kernel), b, d, d.w.activation);
        return writeFloat32(host, y, [d.batch, d.w.outLength, d.filters]);
      },
    },
    {
      kernelName: TensorseqConv1DGrad,
      backendName,
      kernelFunc: ({ inputs, attrs, backend }) => {
        const host = backend as unknown as HostBackend;
        const { dy, x, kernel, y } = inputs as unknown as Conv1DGradKernelInputs<tf.TensorInfo>;
        const d = dims(x, kernel, attrs);
        const read = (info: tf.TensorInfo) => readFloat32(host, info);
        const g = conv1dBackwardImpl(read(dy), read(x), read(kernel), read(y), d, d.w.activation);
        return [
          writeFloat32(host, g.dx, [...x.shape]),
          writeFloat32(host, g.dKernel, [...kernel.shape]),
          writeFloat32(host, g.dBias, [d.filters]),
        ];
      },
    },
  ];
}
