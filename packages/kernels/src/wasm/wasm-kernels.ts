import type { Conv1dArgs, Conv1dPartialGrads, Conv1dWanted } from '../conv1d-types';
import type { MaxPool1dArgs } from '../max-pool1d-types';
import type { RmspropArgs } from '../rmsprop-types';
import type { RnnPlan } from '../rnn-plan';
import type { TapBiasArgs, TapGatherArgs, TapScatterArgs, TapScatterGrads } from '../tap-gather-types';
import type { ShareSplit } from '../threads/share-cut';
import { PARALLEL_ENTRIES, ThreadPool, WORKER_STACK_BYTES } from '../threads/thread-pool';
import { type WorkerHost, workerHost } from '../threads/worker-host';
import type { RnnSequenceGrads, RnnSequenceResult } from '../types';
import { KERNELS_MT_WASM_BASE64 } from './kernels-mt-wasm.generated';
import { KERNELS_WASM_BASE64 } from './kernels-wasm.generated';
import { type KernelsExports, WasmRuntime } from './wasm-runtime';
import { type WasmMemory, webAssembly } from './webassembly-api';

export { IdOutOfRangeError, WasmOutOfMemoryError } from './arena';

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
  /** `out[i, :] = table[ids[i], :]` (ids checked by the caller). */
  gatherRows(table: Float32Array, ids: Int32Array, width: number, out: Float32Array): void;
  /** `out = 0; out[ids[i], :] += x[i, :]`, ids outside `[0, numRows)` skipped. */
  scatterAddRows(x: Float32Array, ids: Int32Array, numRows: number, width: number, out: Float32Array): void;
  /** Threads doing the math (1 without a worker pool). */
  readonly threads: number;
  /** Stops the worker threads, if any. */
  close(): void;
  /** A float32 array the kernels read and write in place (in a shared memory), or null. */
  takeShared(length: number): Float32Array | null;
  /** Returns an array from `takeShared` for reuse (a no-op for any other array). */
  releaseShared(array: Float32Array): void;
  /** The outputs, in `into` when given (of their length). */
  conv1dForward(args: Conv1dArgs, rows: number, into?: Float32Array | null): Float32Array;
  /** The wanted gradients; dx in `dxInto` when given (of `args.x`'s length). */
  conv1dBackward(
    args: Conv1dArgs,
    rows: number,
    dy: Float32Array,
    y: Float32Array | null,
    wanted: Conv1dWanted,
    dxInto?: Float32Array | null,
  ): Conv1dPartialGrads;
  /**
   * Whether an undilated conv backward whose dy is mostly zeros (behind a global or wide max pooling)
   * may skip them: on by default, with the same bits as the dense path; tests turn it off to compare.
   */
  allowSparseConvGrads(allowed: boolean): void;
  /** Conv backward calls that took the sparse path so far (tests check that it ran). */
  sparseConvGradRuns(): number;
  /**
   * How parallel calls are cut into shares (`'adaptive'` by default; tests fix `'even'` or `'fine'` to
   * compare them). A no-op on one thread.
   */
  setShareSplit(split: ShareSplit): void;
  /** Parallel calls cut into more shares than threads so far (tests check that the fine cut ran). */
  fineShareCalls(): number;
  /** The outputs, in `into` when given. */
  maxPool1dForward(args: MaxPool1dArgs, into?: Float32Array | null): Float32Array;
  /** One RMSprop step (`a` and `out` written). */
  rmspropUpdate(args: RmspropArgs): void;
  /** dx, in `into` when given. */
  maxPool1dBackward(args: MaxPool1dArgs, dy: Float32Array, into?: Float32Array | null): Float32Array;
  tapGather(args: TapGatherArgs, into: Float32Array | null): Float32Array;
  tapScatter(
    args: TapScatterArgs,
    dy: Float32Array,
    y: Float32Array,
    into: Float32Array | null,
  ): TapScatterGrads;
  tapBiasGrad(args: TapBiasArgs, dy: Float32Array, y: Float32Array): Float32Array;
  /** Outputs in `outputsInto` when given (of batch*time*units floats). */
  forward(
    plan: RnnPlan,
    training: boolean,
    returnSequences?: boolean,
    outputsInto?: Float32Array | null,
  ): RnnSequenceResult;
  backward(
    plan: RnnPlan,
    forward: RnnSequenceResult,
    dOutputs: Float32Array | null,
    dFinalStates: (Float32Array | null)[],
    dxInto?: Float32Array | null,
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

function wasmBytes(base64 = KERNELS_WASM_BASE64): Uint8Array {
  const binary = atob(base64);
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

/** 64 KiB pages of the threaded module's initial memory (its linked minimum, 16 MiB). */
const MT_INITIAL_PAGES = 256;

/**
 * Why `threads` threads cannot run here, or null when they can: shared memory and workers are needed
 * (Node's worker_threads, or Web Workers on a cross-origin isolated page).
 */
export function threadedUnsupported(threads: number): string | null {
  if (threads <= 1) return 'one thread requested';
  if (typeof SharedArrayBuffer !== 'function')
    return 'SharedArrayBuffer is unavailable (not cross-origin isolated)';
  const host = workerHost();
  if (typeof host === 'string') return host;
  try {
    new (webAssembly()!.Memory)({ initial: 1, maximum: 1, shared: true });
  } catch {
    return 'shared WebAssembly.Memory is unavailable';
  }
  return null;
}

/** Instantiates the threaded module for the calling thread on a new shared memory and starts the pool. */
function startThreaded(
  threads: number,
  module: object,
  exports: KernelsExports,
  memory: WasmMemory,
): WasmKernels {
  const heapBase = exports.__heap_base.value as number;
  const base = heapBase + (threads - 1) * WORKER_STACK_BYTES;
  const needed = Math.ceil((base - memory.buffer.byteLength) / 65536);
  if (needed > 0) memory.grow(needed);
  const local = PARALLEL_ENTRIES.map((name) => exports[name].bind(exports));
  const pool = new ThreadPool(threads, workerHost() as WorkerHost, module, memory, heapBase, local);
  return new WasmRuntime(exports, memory, base, pool);
}

function sharedMemory(): WasmMemory {
  return new (webAssembly()!.Memory)({ initial: MT_INITIAL_PAGES, maximum: 65536, shared: true });
}

/**
 * Compiles the threaded module synchronously (Node), instantiates it on a new shared memory for the
 * calling thread and starts `threads - 1` workers on the same memory, each with its own stack.
 */
export function loadThreadedWasmKernels(threads: number): WasmKernels {
  const wasm = webAssembly()!;
  const memory = sharedMemory();
  const module = new wasm.Module(wasmBytes(KERNELS_MT_WASM_BASE64));
  const exports = new wasm.Instance(module, { env: { memory } }).exports as unknown as KernelsExports;
  return startThreaded(threads, module, exports, memory);
}

/**
 * {@link loadThreadedWasmKernels} without blocking: browsers refuse to compile or instantiate a module
 * of this size synchronously on their main thread. The workers start in the background; until they run,
 * the calling thread takes every share itself.
 */
export async function loadThreadedWasmKernelsAsync(threads: number): Promise<WasmKernels> {
  const wasm = webAssembly()!;
  const memory = sharedMemory();
  const module = await wasm.compile(wasmBytes(KERNELS_MT_WASM_BASE64));
  const instance = await wasm.instantiate(module, { env: { memory } });
  return startThreaded(threads, module, instance.exports as unknown as KernelsExports, memory);
}
