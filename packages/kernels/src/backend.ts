import type { KernelsBackend } from './types';
import { loadWasmKernels, loadWasmKernelsAsync, type WasmKernels, wasmSupported } from './wasm/wasm-kernels';

let forced: KernelsBackend | null = null;
let instance: WasmKernels | null = null;
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
 * Compiles the WebAssembly module asynchronously. Browsers refuse synchronous compilation of large
 * modules on the main thread, so call this once before the first kernel there; Node compiles
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
  instance = await loadWasmKernelsAsync();
}

/** The wasm module, compiled synchronously on first use when initKernels() has not run. */
export function wasmKernels(): WasmKernels {
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
