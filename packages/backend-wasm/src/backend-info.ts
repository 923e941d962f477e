/**
 * What {@link useBackend} got: the backend, SIMD and threads, and why.
 * @example
 * ```ts
 * const info: WasmBackendInfo = backendInfo();
 * info.threads; // → 1
 * ```
 */
export interface WasmBackendInfo {
  /** The selected tfjs backend (`'wasm'`, or `'cpu'` after `auto` fell back). */
  backend: string;
  /** Whether tfjs-backend-wasm runs its SIMD build. */
  simd: boolean;
  /** Threads tfjs-backend-wasm's kernels use (1 = the single-threaded build). */
  threads: number;
  /** Where the `.wasm` files came from. */
  wasmPaths: string;
  /** One sentence per decision: why SIMD and threads are what they are. */
  reasons: string[];
}

let current: WasmBackendInfo | null = null;

/**
 * What the last {@link useBackend} call of this package selected (null before the first call).
 *
 * @example
 * await useBackend('wasm');
 * backendInfo(); // → { backend: 'wasm', simd: true, threads: 1, wasmPaths: '/…/dist/', reasons: [...] }
 */
export function backendInfo(): WasmBackendInfo | null {
  return current;
}

/** Records what useBackend selected. */
export function setBackendInfo(info: WasmBackendInfo): void {
  current = info;
}
