import { resolveBackend, wasmKernels } from './backend';
import { gatherRowsJs, scatterAddRowsJs } from './js/embedding-rows-js';
import type { KernelsBackend } from './types';
import { WasmOutOfMemoryError } from './wasm/wasm-kernels';

/**
 * Options of {@link gatherRows} and {@link scatterAddRows}.
 * @example
 * ```ts
 * gatherRows(table, ids, 4, out, { backend: 'js' });
 * ```
 */
export interface EmbeddingRowsOptions {
  /** Force an implementation. @defaultValue the active one, see `kernelsBackend()` */
  backend?: KernelsBackend;
}

function checkArray(owner: string, name: string, value: unknown, type: 'Float32Array' | 'Int32Array'): void {
  const ok = type === 'Float32Array' ? value instanceof Float32Array : value instanceof Int32Array;
  if (!ok) {
    throw new TypeError(
      `${owner}: ${name} must be ${type === 'Int32Array' ? 'an' : 'a'} ${type}. Received: ${name} of type ${(value as object)?.constructor?.name ?? typeof value}.`,
    );
  }
}

function checkLength(owner: string, name: string, value: Float32Array, length: number, shape: string): void {
  if (value.length !== length) {
    throw new RangeError(
      `${owner}: ${name} must have ${shape} = ${length} elements. Received: ${name}.length=${value.length}.`,
    );
  }
}

function checkWidth(owner: string, width: number): void {
  if (!Number.isInteger(width) || width < 1) {
    throw new RangeError(`${owner}: width must be a positive integer. Received: width=${width}.`);
  }
}

/** Runs the wasm kernel when it is the active backend and the call fits in wasm32 memory. */
function onWasm(owner: string, options: EmbeddingRowsOptions, run: () => void): boolean {
  if (resolveBackend(owner, options.backend) !== 'wasm') return false;
  try {
    run();
    return true;
  } catch (error) {
    if (!(error instanceof WasmOutOfMemoryError)) throw error;
    return false;
  }
}

/**
 * The Embedding lookup: `out[i, :] = table[ids[i], :]` for a table of rows of `width` floats
 * (WebAssembly SIMD, with a TypeScript fallback).
 *
 * @param table The rows, [numRows, width].
 * @param ids Row ids in `[0, numRows)`, any count n.
 * @param width Floats per row.
 * @param out Where the rows go, [n, width].
 * @param options `backend`.
 * @throws TypeError / RangeError when an array has the wrong type or length, or an id is out of range.
 * @example
 * ```ts
 * import { gatherRows } from '@tensorseq/kernels';
 * const out = new Float32Array(4);
 * gatherRows(Float32Array.of(1, 2, 3, 4, 5, 6), Int32Array.of(2, 0), 2, out);
 * out; // → Float32Array [5, 6, 1, 2]
 * ```
 */
export function gatherRows(
  table: Float32Array,
  ids: Int32Array,
  width: number,
  out: Float32Array,
  options: EmbeddingRowsOptions = {},
): void {
  const owner = 'gatherRows';
  checkArray(owner, 'table', table, 'Float32Array');
  checkArray(owner, 'ids', ids, 'Int32Array');
  checkArray(owner, 'out', out, 'Float32Array');
  checkWidth(owner, width);
  const numRows = table.length / width;
  if (!Number.isInteger(numRows)) {
    throw new RangeError(
      `${owner}: table.length must be a multiple of width=${width}. Received: table.length=${table.length}.`,
    );
  }
  checkLength(owner, 'out', out, ids.length * width, 'ids.length*width');
  for (let i = 0; i < ids.length; i++) {
    if (!(ids[i] >= 0 && ids[i] < numRows)) {
      throw new RangeError(`${owner}: ids must be in [0, ${numRows - 1}]. Received: ids[${i}]=${ids[i]}.`);
    }
  }
  if (onWasm(owner, options, () => wasmKernels().gatherRows(table, ids, width, out))) return;
  gatherRowsJs(table, ids, width, out);
}

/**
 * The Embedding gradient: `out = 0`, then `out[ids[i], :] += x[i, :]` for rows of `width` floats, ids
 * outside `[0, numRows)` dropped as TensorFlow's UnsortedSegmentSum does (WebAssembly SIMD, with a
 * TypeScript fallback; both sum each element's rows in row order and agree to the bit).
 *
 * @param x The rows to add, [n, width].
 * @param ids Where each row goes, n ids.
 * @param numRows Rows of `out`.
 * @param width Floats per row.
 * @param out The sums, [numRows, width]; overwritten.
 * @param options `backend`.
 * @throws TypeError / RangeError when an array has the wrong type or length.
 * @example
 * ```ts
 * import { scatterAddRows } from '@tensorseq/kernels';
 * const out = new Float32Array(4);
 * scatterAddRows(Float32Array.of(1, 2, 3, 4, 5, 6), Int32Array.of(1, 0, 1), 2, 2, out);
 * out; // → Float32Array [3, 4, 6, 8]
 * ```
 */
export function scatterAddRows(
  x: Float32Array,
  ids: Int32Array,
  numRows: number,
  width: number,
  out: Float32Array,
  options: EmbeddingRowsOptions = {},
): void {
  const owner = 'scatterAddRows';
  checkArray(owner, 'x', x, 'Float32Array');
  checkArray(owner, 'ids', ids, 'Int32Array');
  checkArray(owner, 'out', out, 'Float32Array');
  checkWidth(owner, width);
  if (!Number.isInteger(numRows) || numRows < 0) {
    throw new RangeError(`${owner}: numRows must be a non-negative integer. Received: numRows=${numRows}.`);
  }
  checkLength(owner, 'x', x, ids.length * width, 'ids.length*width');
  checkLength(owner, 'out', out, numRows * width, 'numRows*width');
  if (onWasm(owner, options, () => wasmKernels().scatterAddRows(x, ids, numRows, width, out))) return;
  scatterAddRowsJs(x, ids, numRows, width, out);
}
