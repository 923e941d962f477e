import { resolveBackend, wasmKernels } from './backend';
import { rmspropUpdateJs } from './js/rmsprop-update-js';
import type { RmspropArgs } from './rmsprop-types';
import type { KernelsBackend } from './types';
import { WasmOutOfMemoryError } from './wasm/wasm-kernels';

function checkArray(name: string, v: unknown, n: number): void {
  if (!(v instanceof Float32Array) || v.length !== n) {
    throw new RangeError(
      `rmspropUpdate: args.${name} must be a Float32Array of p's length = ${n} elements. Received: args.${name}.length=${(v as { length?: unknown } | undefined)?.length}.`,
    );
  }
}

/**
 * Keras' RMSprop step: `a ← ρa + (1−ρ)g²`, then `out = p − lr·g / (√a + ε)` (or `/ √(a + ε)` with
 * `epsilonInside`), computed in double precision and rounded to float32 once per stored value, so the
 * WebAssembly kernel (threads split the weights; arrays from `kernelsArray()` are read and written in
 * place) and the TypeScript loop give the same bits.
 *
 * @param args The arrays and hyper-parameters; `a` is updated in place, `out` receives the new weight.
 * @param options `backend`.
 * @throws RangeError when an array's length differs from p's.
 * @example
 * ```ts
 * import { rmspropUpdate } from '@tensorseq/kernels';
 * const out = new Float32Array(1);
 * const a = new Float32Array(1);
 * rmspropUpdate({ p: Float32Array.of(1), g: Float32Array.of(2), a, out, learningRate: 0.1, rho: 0.9, epsilon: 0, epsilonInside: false });
 * // a → [0.4], out → [1 − 0.2 / √0.4 ≈ 0.6838]
 * ```
 */
export function rmspropUpdate(args: RmspropArgs, options: { backend?: KernelsBackend } = {}): void {
  const n = args.p?.length;
  checkArray('p', args.p, n);
  checkArray('g', args.g, n);
  checkArray('a', args.a, n);
  checkArray('out', args.out, n);
  if (resolveBackend('rmspropUpdate', options.backend) === 'wasm') {
    try {
      wasmKernels().rmspropUpdate(args);
      return;
    } catch (error) {
      if (!(error instanceof WasmOutOfMemoryError)) throw error;
    }
  }
  rmspropUpdateJs(args);
}
