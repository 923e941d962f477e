import type * as tf from '@tensorflow/tfjs-core';
import {
  type Conv1DGradKernelInputs,
  type Conv1DKernelAttrs,
  type Conv1DKernelInputs,
  TensorseqConv1D,
  TensorseqConv1DGrad,
  TensorseqConv1DInputGrad,
} from '@tensorseq/kernels';
import {
  type Conv1DDims,
  conv1dForwardImpl,
  conv1dInputGradImpl,
  conv1dWeightGradsImpl,
} from './conv1d-impl';
import { type HostBackend, readFloat32Transient, writeFloat32 } from './host-backend';
import { lendOutput, readFloat32Adopted, takeOutput } from './recycled-outputs';

/** The engine hands over untyped maps; the contract says what they hold. */
function dims(x: tf.TensorInfo, kernel: tf.TensorInfo, attrs: tf.NamedAttrMap | undefined): Conv1DDims {
  const [batch, inLength, channels] = x.shape;
  return { batch, inLength, channels, filters: kernel.shape[2], w: attrs as unknown as Conv1DKernelAttrs };
}

/**
 * `TensorseqConv1D`, `TensorseqConv1DGrad` and `TensorseqConv1DInputGrad` for a host-memory backend
 * (glue; the math is `conv1d-impl.ts`: the kernels package's tap GEMMs at stride 1, im2col + sgemm
 * otherwise). Inputs are read without a copy where the backend allows it: the kernels copy them into
 * their own memory before this backend allocates the outputs. The outputs and dx are written into
 * recycled arrays (`recycled-outputs.ts`): on this kind of machine fresh memory costs more than the math.
 *
 * @param backendName The tfjs backend the configs are for (`'cpu'`, `'wasm'`, `'tensorflow'`).
 * @example
 * conv1dKernelConfigs('wasm').map((c) => c.kernelName);
 * // → ['TensorseqConv1D', 'TensorseqConv1DGrad', 'TensorseqConv1DInputGrad']
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
        const read = (info: tf.TensorInfo) => readFloat32Transient(host, info);
        const into = takeOutput(host, d.batch * d.w.outLength * d.filters);
        const y = conv1dForwardImpl(
          readFloat32Adopted(host, x),
          read(kernel),
          bias ? read(bias) : null,
          d,
          d.w.activation,
          into,
        );
        return lendOutput(host, y, [d.batch, d.w.outLength, d.filters]);
      },
    },
    {
      kernelName: TensorseqConv1DGrad,
      backendName,
      kernelFunc: ({ inputs, attrs, backend }) => {
        const host = backend as unknown as HostBackend;
        const { dy, x, kernel, y } = inputs as unknown as Conv1DGradKernelInputs<tf.TensorInfo>;
        const d = dims(x, kernel, attrs);
        const read = (info: tf.TensorInfo) => readFloat32Transient(host, info);
        const g = conv1dWeightGradsImpl(
          read(dy),
          readFloat32Adopted(host, x),
          read(kernel),
          read(y),
          d,
          d.w.activation,
        );
        return [writeFloat32(host, g.dKernel, [...kernel.shape]), writeFloat32(host, g.dBias, [d.filters])];
      },
    },
    {
      kernelName: TensorseqConv1DInputGrad,
      backendName,
      kernelFunc: ({ inputs, attrs, backend }) => {
        const host = backend as unknown as HostBackend;
        const { dy, x, kernel, y } = inputs as unknown as Conv1DGradKernelInputs<tf.TensorInfo>;
        const d = dims(x, kernel, attrs);
        const read = (info: tf.TensorInfo) => readFloat32Transient(host, info);
        const into = takeOutput(host, d.batch * d.inLength * d.channels);
        const dx = conv1dInputGradImpl(read(dy), read(x), read(kernel), read(y), d, d.w.activation, into);
        return lendOutput(host, dx, [...x.shape]);
      },
    },
  ];
}
