import type { RnnPlan } from '../rnn-plan';
import type { RnnSequenceGrads, RnnSequenceResult } from '../types';

/** The WebAssembly implementation, once compiled. */
export interface WasmKernels {
  sgemm(
    transA: boolean,
    transB: boolean,
    m: number,
    n: number,
    k: number,
    a: Float32Array,
    b: Float32Array,
    c: Float32Array,
    accumulate: boolean,
  ): void;
  forward(plan: RnnPlan, training: boolean): RnnSequenceResult;
  backward(
    plan: RnnPlan,
    forward: RnnSequenceResult,
    dOutputs: Float32Array | null,
    dFinalStates: (Float32Array | null)[],
  ): RnnSequenceGrads;
}

/** Whether this runtime can run the SIMD module. (Not built yet: always false.) */
export function wasmSupported(): boolean {
  return false;
}

export function loadWasmKernels(): WasmKernels {
  throw new Error('kernels: the WebAssembly module is not built yet.');
}

export async function loadWasmKernelsAsync(): Promise<WasmKernels> {
  return loadWasmKernels();
}
