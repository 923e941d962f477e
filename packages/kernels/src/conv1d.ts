import { resolveBackend, wasmKernels } from './backend';
import type { Conv1dArgs, Conv1dGrads, Conv1dOptions } from './conv1d-types';
import { conv1dBackwardJs, conv1dForwardJs, conv1dRows } from './js/conv1d-js';
import { WasmOutOfMemoryError } from './wasm/wasm-kernels';

function checkDim(owner: string, name: string, value: unknown, min: number): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw new RangeError(
      `${owner}: ${name} must be an integer ≥ ${min}. Received: ${name}=${String(value)}.`,
    );
  }
}

function checkArray(owner: string, name: string, value: unknown, length: number, shape: string): void {
  if (!(value instanceof Float32Array) || value.length !== length) {
    throw new RangeError(
      `${owner}: ${name} must be a Float32Array of ${shape} = ${length} elements. Received: ${name}.length=${(value as Float32Array | undefined)?.length}.`,
    );
  }
}

function checkArgs(owner: string, a: Conv1dArgs): void {
  for (const name of ['batch', 'span', 'channels', 'filters', 'size', 'dilation'] as const)
    checkDim(owner, name, a[name], 1);
  checkDim(owner, 'outLength', a.outLength, 0);
  const reach = a.span - (a.size - 1) * a.dilation;
  if (a.outLength > reach) {
    throw new RangeError(
      `${owner}: outLength must be at most span - (size - 1) * dilation = ${reach}. Received: outLength=${a.outLength}.`,
    );
  }
  checkArray(owner, 'x', a.x, a.batch * a.span * a.channels, 'batch*span*channels');
  checkArray(owner, 'kernel', a.kernel, a.size * a.channels * a.filters, 'size*channels*filters');
  if (a.bias !== null) checkArray(owner, 'bias', a.bias, a.filters, 'filters');
}

/**
 * Stride-1 Conv1D forward over a padded batch in one call: one batch-wide GEMM per kernel tap over the
 * whole batch read as a `[batch*span, channels]` matrix (no im2col copy), plus the bias. On the wasm
 * backend the inputs are copied into wasm memory once per call, and threads split the rows.
 *
 * @param args The sizes, the padded inputs, the kernel and the bias.
 * @param options `backend`.
 * @returns The outputs [batch, outLength, filters].
 * @throws RangeError when a size or an array does not match.
 * @example
 * ```ts
 * import { conv1dForward } from '@tensorseq/kernels';
 * conv1dForward({
 *   batch: 1, span: 3, channels: 1, filters: 1, size: 2, dilation: 1, outLength: 2,
 *   x: Float32Array.of(1, 2, 3), kernel: Float32Array.of(1, 10), bias: null,
 * }); // → Float32Array [21, 32]
 * ```
 */
export function conv1dForward(args: Conv1dArgs, options: Conv1dOptions = {}): Float32Array {
  checkArgs('conv1dForward', args);
  if (resolveBackend('conv1dForward', options.backend) === 'wasm') {
    try {
      return wasmKernels().conv1dForward(args, conv1dRows(args));
    } catch (error) {
      if (!(error instanceof WasmOutOfMemoryError)) throw error;
    }
  }
  return conv1dForwardJs(args);
}

/**
 * The gradients of {@link conv1dForward} given dL/d(outputs): `dK[j] = X_jᵀ @ dY`, `dX += dY @ K[j]ᵀ`
 * per tap, and the bias sums.
 *
 * @param args The arguments the forward ran with.
 * @param dy dL/d(outputs) [batch, outLength, filters].
 * @param options `backend`.
 * @returns dx (padded like `x`), dKernel and dBias (null without a bias).
 * @throws RangeError when a size or an array does not match.
 * @example
 * ```ts
 * import { conv1dBackward } from '@tensorseq/kernels';
 * const args = {
 *   batch: 1, span: 3, channels: 1, filters: 1, size: 2, dilation: 1, outLength: 2,
 *   x: Float32Array.of(1, 2, 3), kernel: Float32Array.of(1, 10), bias: null,
 * };
 * conv1dBackward(args, Float32Array.of(1, 1)).dKernel; // → Float32Array [3, 5]
 * ```
 */
export function conv1dBackward(args: Conv1dArgs, dy: Float32Array, options: Conv1dOptions = {}): Conv1dGrads {
  checkArgs('conv1dBackward', args);
  checkArray(
    'conv1dBackward',
    'dy',
    dy,
    args.batch * args.outLength * args.filters,
    'batch*outLength*filters',
  );
  if (resolveBackend('conv1dBackward', options.backend) === 'wasm') {
    try {
      return wasmKernels().conv1dBackward(args, conv1dRows(args), dy);
    } catch (error) {
      if (!(error instanceof WasmOutOfMemoryError)) throw error;
    }
  }
  return conv1dBackwardJs(args, dy);
}
