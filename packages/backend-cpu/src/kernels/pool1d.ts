import type * as tf from '@tensorflow/tfjs-core';
import {
  POOL1D_KERNELS,
  type Pool1DGradKernelInputs,
  type Pool1DKernelAttrs,
  type Pool1DKernelInputs,
  type Pool1DMode,
} from '@tensorseq/kernels';
import { type HostBackend, readTransient, writeFloat32 } from './host-backend';
import { avgPool1dImpl, maxPool1dArgmax, maxPool1dImpl, type Pool1DDims } from './pool1d-impl';
import { lendOutput, takeOutput } from './recycled-outputs';

const MODES: readonly Pool1DMode[] = ['max', 'avg'];

/** The engine hands over untyped maps; the contract says what they hold. */
function dims(x: tf.TensorInfo, attrs: tf.NamedAttrMap | undefined): Pool1DDims {
  const [batch, inLength, channels] = x.shape;
  return { batch, inLength, channels, w: attrs as unknown as Pool1DKernelAttrs };
}

function forward(mode: Pool1DMode, x: ArrayLike<number>, d: Pool1DDims): Float32Array {
  if (mode === 'avg') return avgPool1dImpl(x, d, false);
  return maxPool1dImpl(x, d);
}

/** The max pooling backward's arg-max indices, reused across calls (a temporary: never handed out). */
let argmaxScratch = new Int32Array(0);

/** Max pooling's dx, scattered into `dx` (a recycled array, zeroed here). */
function maxBackward(dy: ArrayLike<number>, x: ArrayLike<number>, d: Pool1DDims, dx: Float32Array): void {
  const cells = d.batch * d.w.outLength * d.channels;
  if (argmaxScratch.length < cells) argmaxScratch = new Int32Array(cells);
  const argmax = maxPool1dArgmax(x, d, argmaxScratch);
  dx.fill(0);
  for (let i = 0; i < cells; i++) dx[argmax[i]] += dy[i];
}

/**
 * The `TensorseqMaxPool1D` / `TensorseqAvgPool1D` kernels and their backward kernels for a host-memory
 * backend (glue; the math is in `pool1d-impl.ts`).
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
        const y = forward(mode, readTransient(host, x), d);
        return writeFloat32(host, y, [d.batch, d.w.outLength, d.channels]);
      },
    },
    {
      kernelName: POOL1D_KERNELS[mode].backward,
      backendName,
      kernelFunc: ({ inputs, attrs, backend }) => {
        const host = backend as unknown as HostBackend;
        const { dy, x } = inputs as unknown as Pool1DGradKernelInputs<tf.TensorInfo>;
        const d = dims(x, attrs);
        const dyValues = host.readSync(dy.dataId) as ArrayLike<number>;
        if (mode === 'avg') return writeFloat32(host, avgPool1dImpl(dyValues, d, true), [...x.shape]);
        // dx is as large as the pooling's input (8 MB per imdb-conv1d pooling): a recycled array if free.
        const dx = takeOutput(host, d.batch * d.inLength * d.channels);
        maxBackward(dyValues, host.readSync(x.dataId) as ArrayLike<number>, d, dx);
        return lendOutput(host, dx, [...x.shape]);
      },
    },
  ]);
}
