/** Backends this adapter can select (`'auto'` = wasm, or cpu where WebAssembly is unavailable). */
export type WasmBackendName = 'wasm' | 'auto';

/** Options of {@link useBackend}. */
export interface UseWasmBackendOptions {
  /**
   * Threads for tfjs-backend-wasm's own kernels (XNNPACK: matMul, conv, elementwise). More than 1 runs
   * its threaded SIMD build: in a browser only on a cross-origin-isolated page; in Node the `./node`
   * entry's `useBackend` starts it with file-based pthread workers (tfjs 4.22 alone refuses, see the
   * README). Only a fresh wasm backend takes it. @defaultValue 1 in Node, the browser's choice elsewhere
   */
  threads?: number;
  /** Use the SIMD build when the runtime supports it. @defaultValue true */
  simd?: boolean;
  /**
   * Where the `.wasm` files are served (a URL prefix ending in `/`, or tfjs' file map). The `./node`
   * entry's `useBackend` finds them. @defaultValue tfjs' own guess (a browser bundle: serve the files and
   * pass this); tfjs-backend-wasm's dist folder with the `./node` entry
   */
  wasmPaths?: string | { [fileName: string]: string };
  /** Register the training and fused kernels tfjs-backend-wasm lacks. @defaultValue true */
  registerKernels?: boolean;
  /**
   * Keep a tensor written from JavaScript as the array it was written from, as tfjs-backend-cpu does:
   * `dataSync()` answers with it, and it is copied into the WebAssembly heap only when a
   * tfjs-backend-wasm kernel first reads it (see the README's Performance). Costs the memory of those
   * arrays while their tensors live. @defaultValue true
   */
  hostArrayCache?: boolean;
}
