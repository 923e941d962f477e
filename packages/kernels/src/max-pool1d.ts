import { resolveBackend, wasmKernels } from './backend';
import { copyInto } from './copy-into';
import { maxPool1dBackwardJs, maxPool1dForwardJs } from './js/max-pool1d-js';
import type { MaxPool1dArgs, MaxPool1dOptions } from './max-pool1d-types';
import { WasmOutOfMemoryError } from './wasm/wasm-kernels';

function checkArgs(owner: string, a: MaxPool1dArgs): void {
  for (const name of ['batch', 'inLength', 'channels', 'size', 'stride'] as const) {
    const v = a[name];
    if (!Number.isInteger(v) || v < 1)
      throw new RangeError(`${owner}: ${name} must be an integer ≥ 1. Received: ${name}=${String(v)}.`);
  }
  for (const name of ['padLeft', 'outLength'] as const) {
    const v = a[name];
    if (!Number.isInteger(v) || v < 0)
      throw new RangeError(`${owner}: ${name} must be an integer ≥ 0. Received: ${name}=${String(v)}.`);
  }
  // Every window must hold a real step: the last starts at (outLength-1)·stride - padLeft.
  const lastStart = (a.outLength - 1) * a.stride - a.padLeft;
  if (a.outLength > 0 && (lastStart >= a.inLength || a.padLeft >= a.size)) {
    throw new RangeError(
      `${owner}: every window must overlap the input: padLeft < size and (outLength - 1) * stride - padLeft < inLength = ${a.inLength}. Received: padLeft=${a.padLeft}, outLength=${a.outLength}.`,
    );
  }
  checkLength(owner, 'x', a.x, a.batch * a.inLength * a.channels, 'batch*inLength*channels');
}

function checkLength(owner: string, name: string, v: unknown, n: number, shape: string): void {
  if (!(v instanceof Float32Array) || v.length !== n) {
    throw new RangeError(
      `${owner}: ${name} must be a Float32Array of ${shape} = ${n} elements. Received: ${name}.length=${(v as Float32Array | undefined)?.length}.`,
    );
  }
}

/**
 * 1D max pooling: every output cell is its window's first maximum (padding steps never win; a NaN that
 * comes first stays, as in TensorFlow). On the wasm backend, branch-free SIMD selects.
 *
 * @param args The sizes, the window and the inputs.
 * @param options `backend`, and `into` (the array to write the outputs into).
 * @returns The outputs [batch, outLength, channels] (`options.into` when given).
 * @throws RangeError when a size or an array does not match.
 * @example
 * ```ts
 * import { maxPool1dForward } from '@tensorseq/kernels';
 * maxPool1dForward({
 *   batch: 1, inLength: 4, channels: 1, size: 2, stride: 2, padLeft: 0, outLength: 2,
 *   x: Float32Array.of(1, 3, 2, 0),
 * }); // → Float32Array [3, 2]
 * ```
 */
export function maxPool1dForward(args: MaxPool1dArgs, options: MaxPool1dOptions = {}): Float32Array {
  checkArgs('maxPool1dForward', args);
  const { into } = options;
  const outputs = args.batch * args.outLength * args.channels;
  if (into !== undefined)
    checkLength('maxPool1dForward', 'options.into', into, outputs, 'batch*outLength*channels');
  if (resolveBackend('maxPool1dForward', options.backend) === 'wasm') {
    try {
      return wasmKernels().maxPool1dForward(args, into ?? null);
    } catch (error) {
      if (!(error instanceof WasmOutOfMemoryError)) throw error;
    }
  }
  return copyInto(maxPool1dForwardJs(args), into);
}

/**
 * The gradient of {@link maxPool1dForward}: each dL/dy cell is added at its window's first maximum.
 *
 * @param args The arguments the forward ran with.
 * @param dy dL/d(outputs) [batch, outLength, channels].
 * @param options `backend`, and `into` (the array to write dx into).
 * @returns dx [batch, inLength, channels] (`options.into` when given).
 * @throws RangeError when a size or an array does not match.
 * @example
 * ```ts
 * import { maxPool1dBackward } from '@tensorseq/kernels';
 * const args = {
 *   batch: 1, inLength: 4, channels: 1, size: 2, stride: 2, padLeft: 0, outLength: 2,
 *   x: Float32Array.of(1, 3, 2, 0),
 * };
 * maxPool1dBackward(args, Float32Array.of(5, 7)); // → Float32Array [0, 5, 7, 0]
 * ```
 */
export function maxPool1dBackward(
  args: MaxPool1dArgs,
  dy: Float32Array,
  options: MaxPool1dOptions = {},
): Float32Array {
  checkArgs('maxPool1dBackward', args);
  checkLength(
    'maxPool1dBackward',
    'dy',
    dy,
    args.batch * args.outLength * args.channels,
    'batch*outLength*channels',
  );
  const { into } = options;
  if (into !== undefined)
    checkLength('maxPool1dBackward', 'options.into', into, args.x.length, 'batch*inLength*channels');
  if (resolveBackend('maxPool1dBackward', options.backend) === 'wasm') {
    try {
      return wasmKernels().maxPool1dBackward(args, dy, into ?? null);
    } catch (error) {
      if (!(error instanceof WasmOutOfMemoryError)) throw error;
    }
  }
  return copyInto(maxPool1dBackwardJs(args, dy), into);
}
