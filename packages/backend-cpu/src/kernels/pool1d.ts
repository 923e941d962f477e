import type * as tf from '@tensorflow/tfjs-core';
import {
  type MaxPool1dArgs,
  maxPool1dBackward,
  maxPool1dForward,
  POOL1D_KERNELS,
  type Pool1DGradKernelInputs,
  type Pool1DKernelAttrs,
  type Pool1DKernelInputs,
  type Pool1DMode,
} from '@tensorseq/kernels';
import { type HostBackend, readFloat32Transient, writeFloat32 } from './host-backend';
import { avgPool1dImpl, type Pool1DDims } from './pool1d-impl';
import { lendOutput, takeOutput } from './recycled-outputs';

const MODES: readonly Pool1DMode[] = ['max', 'avg'];

/** The engine hands over untyped maps; the contract says what they hold. */
function dims(x: tf.TensorInfo, attrs: tf.NamedAttrMap | undefined): Pool1DDims {
  const [batch, inLength, channels] = x.shape;
  return { batch, inLength, channels, w: attrs as unknown as Pool1DKernelAttrs };
}

/** The kernels package's max pooling arguments. */
function maxArgs(x: Float32Array, d: Pool1DDims): MaxPool1dArgs {
  const { w } = d;
  return { ...d, size: w.size, stride: w.stride, padLeft: w.padLeft, outLength: w.outLength, x };
}

/** The output tensor: max pooling's array is a recycled one (see `recycled-outputs.ts`), average's new. */
function output(
  mode: Pool1DMode,
  host: HostBackend,
  shape: number[],
  compute: (into: Float32Array | undefined) => Float32Array,
): tf.TensorInfo {
  if (mode === 'avg') return writeFloat32(host, compute(undefined), shape);
  return lendOutput(
    host,
    compute(
      takeOutput(
        host,
        shape.reduce((n, s) => n * s, 1),
      ),
    ),
    shape,
  );
}

function forward(mode: Pool1DMode, x: Float32Array, d: Pool1DDims, into?: Float32Array): Float32Array {
  if (mode === 'avg') return avgPool1dImpl(x, d, false);
  return maxPool1dForward(maxArgs(x, d), { into });
}

function backward(
  mode: Pool1DMode,
  dy: Float32Array,
  x: Float32Array | null,
  d: Pool1DDims,
  into?: Float32Array,
): Float32Array {
  if (mode === 'avg') return avgPool1dImpl(dy, d, true);
  return maxPool1dBackward(maxArgs(x as Float32Array, d), dy, { into });
}

/**
 * The `TensorseqMaxPool1D` / `TensorseqAvgPool1D` kernels and their backward kernels for a host-memory
 * backend (glue; max pooling is the kernels package's, writing into recycled arrays, average pooling
 * `pool1d-impl.ts`).
 *
 * @param backendName The tfjs backend the configs are for (`'cpu'`, `'wasm'`, `'tensorflow'`).
 * @example
 * pool1dKernelConfigs('cpu').map((c) => c.kernelName);
 * // → ['TensorseqMaxPool1D', 'TensorseqMaxPool1DGrad', 'TensorseqAvgPool1D', 'TensorseqAvgPool1DGrad']
 */
export function pool1dKernelConfigs(backendName: string): tf.KernelConfig[] {
  return MODES.flatMap((mode): tf.KernelConfig[] => [
    {
      kernelName: POOL1D_KERNELS[mode].forward,
      backendName,
      kernelFunc: ({ inputs, attrs, backend }) => {
        const host = backend as unknown as HostBackend;
        const { x } = inputs as unknown as Pool1DKernelInputs<tf.TensorInfo>;
        const d = dims(x, attrs);
        const xs = readFloat32Transient(host, x);
        return output(mode, host, [d.batch, d.w.outLength, d.channels], (into) => forward(mode, xs, d, into));
      },
    },
    {
      kernelName: POOL1D_KERNELS[mode].backward,
      backendName,
      kernelFunc: ({ inputs, attrs, backend }) => {
        const host = backend as unknown as HostBackend;
        const { dy, x } = inputs as unknown as Pool1DGradKernelInputs<tf.TensorInfo>;
        const d = dims(x, attrs);
        // Views are safe until the output is written: nothing in between allocates on the backend.
        const xs = mode === 'max' ? readFloat32Transient(host, x) : null;
        const g = readFloat32Transient(host, dy);
        return output(mode, host, [...x.shape], (into) => backward(mode, g, xs, d, into));
      },
    },
  ]);
}
