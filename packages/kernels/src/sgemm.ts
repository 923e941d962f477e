import { resolveBackend, wasmKernels } from './backend';
import { gemmJs } from './js/gemm';
import { WasmOutOfMemoryError } from './wasm/wasm-kernels';

function checkSize(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 0) {
    throw new RangeError(`sgemm: ${name} must be a non-negative integer. Received: ${name}=${value}.`);
  }
}

function checkOperand(name: string, value: Float32Array, length: number, shape: string): void {
  if (!(value instanceof Float32Array) || value.length < length) {
    throw new RangeError(
      `sgemm: ${name} must be a Float32Array of at least ${shape} = ${length} elements. Received: ${name}.length=${value?.length}.`,
    );
  }
}

/**
 * Single-precision matrix multiply, BLAS-style: `C (+)= op(A) @ op(B)` with op(A) m×k and op(B) k×n,
 * all row-major and dense (A is stored k×m when `transA`, B n×k when `transB`).
 *
 * @param transA Use Aᵀ.
 * @param transB Use Bᵀ.
 * @param m Rows of C.
 * @param n Columns of C.
 * @param k The shared dimension.
 * @param a A, at least m*k elements.
 * @param b B, at least k*n elements.
 * @param c C, at least m*n elements; overwritten, or added to when `accumulate`.
 * @param accumulate Add to C instead of overwriting it. @defaultValue false
 * @throws RangeError when a size is not a non-negative integer or an operand is too short.
 * @example
 * ```ts
 * import { sgemm } from '@tensorseq/kernels';
 * const c = new Float32Array(4);
 * sgemm(false, false, 2, 2, 2, Float32Array.of(1, 2, 3, 4), Float32Array.of(5, 6, 7, 8), c);
 * c; // → Float32Array [19, 22, 43, 50]
 * ```
 */
export function sgemm(
  transA: boolean,
  transB: boolean,
  m: number,
  n: number,
  k: number,
  a: Float32Array,
  b: Float32Array,
  c: Float32Array,
  accumulate = false,
): void {
  checkSize('m', m);
  checkSize('n', n);
  checkSize('k', k);
  checkOperand('a', a, m * k, 'm*k');
  checkOperand('b', b, k * n, 'k*n');
  checkOperand('c', c, m * n, 'm*n');
  if (resolveBackend('sgemm', undefined) === 'wasm') {
    try {
      wasmKernels().sgemm(transA, transB, m, n, k, a, b, c, accumulate);
      return;
    } catch (error) {
      if (!(error instanceof WasmOutOfMemoryError)) throw error;
    }
  }
  gemmJs(transA, transB, m, n, k, a, 0, transA ? m : k, b, 0, transB ? k : n, c, 0, n, accumulate);
}
