import { useBackendOn } from '../use-backend-on';
import type { UseWasmBackendOptions, WasmBackendName } from '../use-wasm-backend-options';
import type { WasmHost } from '../wasm-host';
import { registerThreadedBackend } from './register-threaded-backend';
import { nodeWasmDir } from './wasm-paths';

const NODE_HOST: WasmHost = { wasmDir: nodeWasmDir, startThreaded: registerThreadedBackend };

/**
 * The main entry's `useBackend` for Node: it finds tfjs-backend-wasm's `.wasm` files through Node's
 * module resolution (no `wasmPaths` needed), and `threads > 1` starts tfjs' threaded SIMD build with
 * file-based pthread workers (tfjs 4.22 alone turns threads off under Node; see the README).
 *
 * @throws RangeError for another name or a bad option; Error when the wasm backend fails to start.
 * @example
 * await useBackend('wasm', { threads: 2 }); // → 'wasm'
 * backendInfo()?.threads; // → 2
 */
export function useBackend(
  name: WasmBackendName = 'wasm',
  options: UseWasmBackendOptions = {},
): Promise<string> {
  return useBackendOn(NODE_HOST, name, options);
}
