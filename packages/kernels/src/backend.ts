import { MAX_SHARES } from './threads/share-cut';
import type { KernelsBackend } from './types';
import {
  loadThreadedWasmKernels,
  loadThreadedWasmKernelsAsync,
  loadWasmKernels,
  loadWasmKernelsAsync,
  threadedUnsupported,
  type WasmKernels,
  wasmSupported,
} from './wasm/wasm-kernels';

/** The most threads the wasm kernels use (their static scratch has a slot per share of a call). */
export const MAX_KERNEL_THREADS = MAX_SHARES;

let forced: KernelsBackend | null = null;
let instance: WasmKernels | null = null;
/** Threads asked for with setKernelsThreads, or null for the default. */
let requestedThreads: number | null = null;
/** Why the loaded instance runs on one thread. */
let singleThreadReason: string | undefined;
/** Set when synchronous compilation was refused (a browser main thread before initKernels()). */
let syncLoadFailed = false;

/**
 * Which implementation is active: `'wasm'` when WebAssembly with SIMD is available (the default) or
 * `'js'` otherwise, unless {@link setKernelsBackend} chose one.
 *
 * @returns `'wasm'` or `'js'`.
 * @example
 * ```ts
 * import { kernelsBackend } from '@tensorseq/kernels';
 * kernelsBackend(); // → 'wasm' on Node 20 and current browsers
 * ```
 */
export function kernelsBackend(): KernelsBackend {
  if (forced !== null) return forced;
  return wasmSupported() && (instance !== null || !syncLoadFailed) ? 'wasm' : 'js';
}

/**
 * Forces an implementation (tests run every case on both).
 *
 * @param backend `'wasm'` or `'js'`.
 * @throws RangeError for another value, or `'wasm'` where WebAssembly SIMD is unavailable.
 * @example
 * ```ts
 * import { kernelsBackend, setKernelsBackend } from '@tensorseq/kernels';
 * setKernelsBackend('js');
 * kernelsBackend(); // → 'js'
 * ```
 */
export function setKernelsBackend(backend: KernelsBackend): void {
  if (backend !== 'wasm' && backend !== 'js') {
    throw new RangeError(
      `setKernelsBackend: backend must be "wasm" or "js". Received: backend=${JSON.stringify(backend)}.`,
    );
  }
  if (backend === 'wasm' && !wasmSupported()) {
    throw new RangeError(
      'setKernelsBackend: backend must be "js" where WebAssembly SIMD is unavailable. Received: backend="wasm".',
    );
  }
  forced = backend;
}

/**
 * Compiles the WebAssembly module asynchronously and starts its worker threads where they can run
 * (Node.js, or a cross-origin isolated page in a browser). Browsers refuse synchronous compilation of
 * large modules on the main thread, so call this once before the first kernel there; Node compiles
 * synchronously on first use, so calling it is optional.
 *
 * @returns A promise that settles when the module is ready (immediately when SIMD is unavailable).
 * @example
 * ```ts
 * import { initKernels, kernelsBackend } from '@tensorseq/kernels';
 * await initKernels();
 * kernelsBackend(); // → 'wasm'
 * ```
 */
export async function initKernels(): Promise<void> {
  if (instance !== null || !wasmSupported()) return;
  const threads = requestedThreads ?? defaultThreads();
  const unsupported = threadedUnsupported(threads);
  singleThreadReason = unsupported ?? undefined;
  if (unsupported === null) {
    try {
      instance = await loadThreadedWasmKernelsAsync(threads);
      return;
    } catch (error) {
      singleThreadReason = `the worker threads did not start (${(error as Error).message})`;
    }
  }
  instance = await loadWasmKernelsAsync();
}

/**
 * The default thread count: `TENSORSEQ_KERNEL_THREADS` when set, else the machine's cores, at most
 * {@link MAX_KERNEL_THREADS}.
 */
function defaultThreads(): number {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env
    ?.TENSORSEQ_KERNEL_THREADS;
  const fromEnv = env === undefined ? Number.NaN : Number(env);
  if (Number.isInteger(fromEnv) && fromEnv >= 1) return Math.min(fromEnv, MAX_KERNEL_THREADS);
  const g = globalThis as {
    process?: { getBuiltinModule?: (id: string) => { availableParallelism?: () => number } | undefined };
    navigator?: { hardwareConcurrency?: number };
  };
  let cores = 1;
  try {
    cores =
      g.process?.getBuiltinModule?.('node:os')?.availableParallelism?.() ??
      g.navigator?.hardwareConcurrency ??
      1;
  } catch {
    cores = 1;
  }
  return Math.max(1, Math.min(cores, MAX_KERNEL_THREADS));
}

/**
 * Sets how many threads the WebAssembly kernels use, the calling thread included: 1 runs everything on
 * the calling thread; more start worker threads over a shared `WebAssembly.Memory` (Node.js; in browsers,
 * Web Workers on a cross-origin isolated page, after the next `await initKernels()`). Results do
 * not depend on the thread count: every output element is computed in the same order on any split.
 * The default is `TENSORSEQ_KERNEL_THREADS`, else the number of cores (at most 4).
 *
 * @param threads An integer from 1 to 4.
 * @throws RangeError for another value.
 * @example
 * ```ts
 * import { kernelsInfo, setKernelsThreads } from '@tensorseq/kernels';
 * setKernelsThreads(1);
 * kernelsInfo().mode; // → 'single-thread'
 * ```
 */
export function setKernelsThreads(threads: number): void {
  if (!Number.isInteger(threads) || threads < 1 || threads > MAX_KERNEL_THREADS) {
    throw new RangeError(
      `setKernelsThreads: threads must be an integer from 1 to ${MAX_KERNEL_THREADS}. Received: threads=${threads}.`,
    );
  }
  if (requestedThreads === threads) return;
  requestedThreads = threads;
  // The next kernel call loads a module for the new count; buffers of the old one stay readable.
  instance?.close();
  instance = null;
}

/** Threads of the loaded wasm kernels and, on one thread, why. */
export function wasmThreading(): { threads: number; reason?: string } {
  let kernels: WasmKernels;
  try {
    kernels = wasmKernels();
  } catch {
    return { threads: 1, reason: 'the WebAssembly module is not compiled yet: call `await initKernels()`' };
  }
  return kernels.threads > 1 ? { threads: kernels.threads } : { threads: 1, reason: singleThreadReason };
}

/** The wasm module when it is loaded, without loading it. */
export function loadedWasmKernels(): WasmKernels | null {
  return instance;
}

/** The wasm module, compiled synchronously on first use when initKernels() has not run. */
export function wasmKernels(): WasmKernels {
  if (instance === null) {
    const threads = requestedThreads ?? defaultThreads();
    const unsupported = threadedUnsupported(threads);
    singleThreadReason = unsupported ?? undefined;
    if (unsupported === null) {
      try {
        instance = loadThreadedWasmKernels(threads);
        return instance;
      } catch (error) {
        singleThreadReason = `the worker threads did not start (${(error as Error).message})`;
      }
    }
  }
  if (instance === null) {
    try {
      instance = loadWasmKernels();
    } catch (error) {
      syncLoadFailed = true;
      throw new Error(
        'kernels: the WebAssembly module must be compiled before use here. To fix this, call `await initKernels()` once at start-up.',
        { cause: error },
      );
    }
  }
  return instance;
}

/** Resolves an explicit per-call backend or the active one. */
export function resolveBackend(owner: string, requested: KernelsBackend | undefined): KernelsBackend {
  if (requested === undefined) {
    const active = kernelsBackend();
    if (active === 'wasm' && forced === null && instance === null) {
      // Default choice: where synchronous compilation is refused, run on TypeScript until initKernels().
      try {
        wasmKernels();
      } catch {
        return 'js';
      }
    }
    return active;
  }
  if (requested !== 'wasm' && requested !== 'js') {
    throw new RangeError(
      `${owner}: backend must be "wasm" or "js". Received: backend=${JSON.stringify(requested)}.`,
    );
  }
  if (requested === 'wasm' && !wasmSupported()) {
    throw new RangeError(
      `${owner}: backend must be "js" where WebAssembly SIMD is unavailable. Received: backend="wasm".`,
    );
  }
  return requested;
}
