import { useBackendOn } from './use-backend-on';
import type { UseWasmBackendOptions, WasmBackendName } from './use-wasm-backend-options';
import type { WasmHost } from './wasm-host';

/** A browser (or any runtime): the caller serves the `.wasm` files; the page starts the threads. */
const PORTABLE_HOST: WasmHost = { wasmDir: async () => null, startThreaded: null };

/**
 * Loads `@tensorflow/tfjs-backend-wasm`, registers the training kernels it lacks and tensorseq's fused
 * kernels, makes it the active backend and returns its name. `'auto'` falls back to the cpu adapter
 * when WebAssembly cannot start. See {@link backendInfo} for what it got. This entry uses no Node
 * built-in: in a bundle, serve the `.wasm` files and pass `wasmPaths`. In Node, import `useBackend` from
 * `@tensorseq/backend-wasm/node`, which finds the files and runs threads.
 *
 * @throws RangeError for another name or a bad option; Error when the wasm backend fails to start.
 * @example
 * await useBackend('wasm', { wasmPaths: '/assets/tfjs-wasm/' }); // → 'wasm'
 */
export function useBackend(
  name: WasmBackendName = 'wasm',
  options: UseWasmBackendOptions = {},
): Promise<string> {
  return useBackendOn(PORTABLE_HOST, name, options);
}
