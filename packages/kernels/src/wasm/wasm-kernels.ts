import type { RnnPlan } from '../rnn-plan';
import type { RnnSequenceGrads, RnnSequenceResult } from '../types';
import { KERNELS_WASM_BASE64 } from './kernels-wasm.generated';
import { type KernelsExports, WasmRuntime } from './wasm-runtime';
import { webAssembly } from './webassembly-api';

export { WasmOutOfMemoryError } from './arena';

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

// (func (result v128) i32.const 0 i8x16.splat i8x16.popcnt): validates only where SIMD is supported.
const SIMD_PROBE = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98,
  11,
]);

let supported: boolean | null = null;

/** Whether this runtime has WebAssembly with the SIMD proposal (Node ≥ 16.4, all current browsers). */
export function wasmSupported(): boolean {
  if (supported === null) {
    try {
      supported = webAssembly()?.validate(SIMD_PROBE) === true;
    } catch {
      supported = false;
    }
  }
  return supported === true;
}

function wasmBytes(): Uint8Array {
  const binary = atob(KERNELS_WASM_BASE64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Compiles and instantiates the module synchronously (fine in Node and in workers). */
export function loadWasmKernels(): WasmKernels {
  const wasm = webAssembly()!;
  const instance = new wasm.Instance(new wasm.Module(wasmBytes()), {});
  return new WasmRuntime(instance.exports as unknown as KernelsExports);
}

/** Compiles and instantiates the module without blocking (required on browsers' main threads). */
export async function loadWasmKernelsAsync(): Promise<WasmKernels> {
  const { instance } = await webAssembly()!.instantiate(wasmBytes(), {});
  return new WasmRuntime(instance.exports as unknown as KernelsExports);
}
