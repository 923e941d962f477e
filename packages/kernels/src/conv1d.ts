import { resolveBackend, wasmKernels } from './backend';
import type {
  Conv1dArgs,
  Conv1dBackwardOptions,
  Conv1dGrads,
  Conv1dOptions,
  Conv1dPartialGrads,
  Conv1dWanted,
  Conv1dWeightGrads,
} from './conv1d-types';
import { copyInto } from './copy-into';
import { conv1dBackwardJs, conv1dForwardJs, conv1dRows } from './js/conv1d-js';
import { conv1dInLength, conv1dPadded, conv1dUnpad } from './js/conv1d-padding';
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

/** Checks an optional `into` array's length (`name` is how the caller's options spell it). */
function checkInto(owner: string, name: string, into: unknown, length: number, shape: string): void {
  if (into !== undefined) checkArray(owner, `options.${name}`, into, length, shape);
}

function checkArgs(owner: string, a: Conv1dArgs): void {
  for (const name of ['batch', 'span', 'channels', 'filters', 'size', 'dilation'] as const)
    checkDim(owner, name, a[name], 1);
  checkDim(owner, 'outLength', a.outLength, 0);
  checkDim(owner, 'padLeft', a.padLeft ?? 0, 0);
  checkDim(owner, 'padRight', a.padRight ?? 0, 0);
  if (a.activation !== undefined && a.activation !== 'linear' && a.activation !== 'relu') {
    throw new RangeError(
      `${owner}: activation must be 'linear' or 'relu'. Received: activation=${String(a.activation)}.`,
    );
  }
  const reach = a.span - (a.size - 1) * a.dilation;
  if (a.outLength > reach) {
    throw new RangeError(
      `${owner}: outLength must be at most span - (size - 1) * dilation = ${reach}. Received: outLength=${a.outLength}.`,
    );
  }
  const steps = conv1dInLength(a);
  if (steps < 1) {
    throw new RangeError(
      `${owner}: padLeft + padRight must be less than span = ${a.span}. Received: padLeft=${a.padLeft}, padRight=${a.padRight}.`,
    );
  }
  const padded = steps !== a.span;
  const xShape = padded ? 'batch*(span-padLeft-padRight)*channels' : 'batch*span*channels';
  checkArray(owner, 'x', a.x, a.batch * steps * a.channels, xShape);
  checkArray(owner, 'kernel', a.kernel, a.size * a.channels * a.filters, 'size*channels*filters');
  if (a.bias !== null) checkArray(owner, 'bias', a.bias, a.filters, 'filters');
}

/**
 * Stride-1 Conv1D forward over a batch in one call: one batch-wide GEMM per kernel tap over the whole
 * padded batch read as a `[batch*span, channels]` matrix (no im2col copy), plus the bias and the
 * activation. On the wasm backend the inputs are copied (and padded) into wasm memory once per call,
 * and threads split the rows.
 *
 * @param args The sizes, the inputs, the kernel, the bias, the padding and the activation.
 * @param options `backend`, and `into` (the array to write the outputs into).
 * @returns The outputs [batch, outLength, filters] (`options.into` when given).
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
  const { into } = options;
  const outputs = args.batch * args.outLength * args.filters;
  checkInto('conv1dForward', 'into', into, outputs, 'batch*outLength*filters');
  if (resolveBackend('conv1dForward', options.backend) === 'wasm') {
    try {
      return wasmKernels().conv1dForward(args, conv1dRows(args), into ?? null);
    } catch (error) {
      if (!(error instanceof WasmOutOfMemoryError)) throw error;
    }
  }
  const y = conv1dForwardJs(conv1dPadded(args));
  if (args.activation === 'relu') for (let i = 0; i < y.length; i++) if (y[i] < 0) y[i] = 0;
  return copyInto(y, into);
}

/** Checks the backward's arrays, then runs the wanted part of it on the resolved backend. */
function backward(
  owner: string,
  args: Conv1dArgs,
  dy: Float32Array,
  options: Conv1dBackwardOptions,
  wanted: Conv1dWanted,
): Conv1dPartialGrads {
  checkArgs(owner, args);
  const outputs = args.batch * args.outLength * args.filters;
  checkArray(owner, 'dy', dy, outputs, 'batch*outLength*filters');
  const relu = args.activation === 'relu';
  if (relu) checkArray(owner, 'options.y', options.y, outputs, "batch*outLength*filters (activation 'relu')");
  const y = relu ? (options.y as Float32Array) : null;
  const into = wanted.dx ? options.dxInto : undefined;
  checkInto(owner, 'dxInto', into, args.x.length, 'the length of x');
  if (resolveBackend(owner, options.backend) === 'wasm') {
    try {
      return wasmKernels().conv1dBackward(args, conv1dRows(args), dy, y, wanted, into ?? null);
    } catch (error) {
      if (!(error instanceof WasmOutOfMemoryError)) throw error;
    }
  }
  let dz = dy;
  if (y !== null) {
    dz = new Float32Array(dy.length);
    for (let i = 0; i < dy.length; i++) if (y[i] > 0) dz[i] = dy[i];
  }
  const g = conv1dBackwardJs(conv1dPadded(args), dz);
  const dx = wanted.dx ? copyInto(conv1dUnpad(args, g.dx), into) : null;
  return { dx, dKernel: g.dKernel, dBias: g.dBias };
}

/**
 * The gradients of {@link conv1dForward} given dL/d(outputs): `dK[j] = X_jᵀ @ dY`, `dX += dY @ K[j]ᵀ`
 * per tap, and the bias sums (dY masked by the activation's derivative first).
 *
 * @param args The arguments the forward ran with.
 * @param dy dL/d(outputs) [batch, outLength, filters].
 * @param options `backend`, `y` (the forward's outputs) under `activation: 'relu'`, and `dxInto` (the
 *   array to write dx into).
 * @returns dx (shaped like `x`), dKernel and dBias (null without a bias).
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
export function conv1dBackward(
  args: Conv1dArgs,
  dy: Float32Array,
  options: Conv1dBackwardOptions = {},
): Conv1dGrads {
  const g = backward('conv1dBackward', args, dy, options, { dx: true, weights: true });
  return { dx: g.dx as Float32Array, dKernel: g.dKernel as Float32Array, dBias: g.dBias };
}

/**
 * The weight gradients of {@link conv1dForward} alone (dKernel and dBias, no dx: a first layer's input
 * needs none).
 *
 * @param args The arguments the forward ran with.
 * @param dy dL/d(outputs) [batch, outLength, filters].
 * @param options `backend`, and `y` (the forward's outputs) under `activation: 'relu'`.
 * @returns dKernel and dBias (null without a bias).
 * @throws RangeError when a size or an array does not match.
 * @example
 * ```ts
 * import { conv1dBackwardWeights } from '@tensorseq/kernels';
 * const args = {
 *   batch: 1, span: 3, channels: 1, filters: 1, size: 2, dilation: 1, outLength: 2,
 *   x: Float32Array.of(1, 2, 3), kernel: Float32Array.of(1, 10), bias: Float32Array.of(0),
 * };
 * conv1dBackwardWeights(args, Float32Array.of(1, 1)); // → { dKernel: [3, 5], dBias: [2] }
 * ```
 */
export function conv1dBackwardWeights(
  args: Conv1dArgs,
  dy: Float32Array,
  options: Conv1dBackwardOptions = {},
): Conv1dWeightGrads {
  const g = backward('conv1dBackwardWeights', args, dy, options, { dx: false, weights: true });
  return { dKernel: g.dKernel as Float32Array, dBias: g.dBias };
}

/**
 * The input gradient of {@link conv1dForward} alone (`x` is only read for its shape).
 *
 * @param args The arguments the forward ran with.
 * @param dy dL/d(outputs) [batch, outLength, filters].
 * @param options `backend`, `y` (the forward's outputs) under `activation: 'relu'`, and `dxInto` (the
 *   array to write dx into).
 * @returns dx, shaped like `x` (`options.dxInto` when given).
 * @throws RangeError when a size or an array does not match.
 * @example
 * ```ts
 * import { conv1dBackwardInput } from '@tensorseq/kernels';
 * const args = {
 *   batch: 1, span: 3, channels: 1, filters: 1, size: 2, dilation: 1, outLength: 2,
 *   x: Float32Array.of(1, 2, 3), kernel: Float32Array.of(1, 10), bias: null,
 * };
 * conv1dBackwardInput(args, Float32Array.of(1, 1)); // → Float32Array [1, 11, 10]
 * ```
 */
export function conv1dBackwardInput(
  args: Conv1dArgs,
  dy: Float32Array,
  options: Conv1dBackwardOptions = {},
): Float32Array {
  return backward('conv1dBackwardInput', args, dy, options, { dx: true, weights: false }).dx as Float32Array;
}
