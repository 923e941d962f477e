import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

/** The Emscripten module a `BackendWasm` wraps. */
export type WasmModule = ConstructorParameters<typeof BackendWasm>[0];

/** WebAssembly imports: the repo compiles against ES2022 + @types/node, whose WebAssembly types are partial. */
type Imports = Record<string, Record<string, unknown>>;

/** The slice of the WebAssembly JS API used here. */
interface WebAssemblyInstantiate {
  instantiate(bytes: Uint8Array, imports: Imports): Promise<{ instance: object; module: object }>;
}

/** What the threaded build's Emscripten factory accepts (the fields this adapter sets). */
interface ThreadedFactoryConfig {
  locateFile(path: string, prefix: string): string;
  mainScriptUrlOrBlob: string;
  instantiateWasm(imports: Imports, receive: (instance: object, module: object) => void): object;
}

type ThreadedFactory = (config: ThreadedFactoryConfig) => Promise<WasmModule>;

const THREADED = '@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.js';

/**
 * Starts tfjs-backend-wasm's threaded SIMD build in Node with `threads` XNNPACK threads, as tfjs' own
 * `init()` would in a browser, but with the three things Node needs:
 * - the pthread workers run `worker/pthread-worker.cjs`, a file (tfjs passes Emscripten a `blob:` URL,
 *   which `worker_threads` refuses with ERR_WORKER_PATH);
 * - each worker loads the factory from its file path (`mainScriptUrlOrBlob`; tfjs passes a Blob);
 * - `emscripten_num_logical_cores` reports `2 * threads`, because tfjs' backend.cc caps the pool at
 *   logical cores / 2 (it assumes two hyper-threads per core), which is 1 on a 2-core machine.
 *
 * The running pthread workers are unref'd so they never keep the process alive.
 *
 * @example
 * const module = await createThreadedModule(2);
 * new BackendWasm(module); // after setThreadsCount(2): getThreadsCount() → 2
 */
export async function createThreadedModule(threads: number): Promise<WasmModule> {
  const require = createRequire(import.meta.url);
  const script = require.resolve(THREADED);
  const binary = script.replace(/\.js$/, '.wasm');
  // By the package's own name: the same path from src/node/ (source) and from dist/ (built).
  const root = dirname(require.resolve('@tensorseq/backend-wasm/package.json'));
  const worker = join(root, 'worker', 'pthread-worker.cjs');
  const factory = require(script) as ThreadedFactory;
  const bytes = await readFile(binary);
  const module = await factory({
    locateFile: (path, prefix) => {
      if (path.endsWith('.worker.js')) return worker;
      if (path.endsWith('.wasm')) return binary;
      return prefix + path;
    },
    mainScriptUrlOrBlob: script,
    instantiateWasm: (imports, receive) => {
      const env = { ...imports.env, emscripten_num_logical_cores: () => 2 * threads };
      const api = (globalThis as unknown as { WebAssembly: WebAssemblyInstantiate }).WebAssembly;
      api.instantiate(bytes, { ...imports, env }).then(({ instance, module }) => receive(instance, module));
      return {};
    },
  });
  module.tfjs = bridge(module as unknown as { cwrap: Cwrap });
  return module;
}

type Cwrap = (name: string, returnType: string | null, argTypes: string[]) => never;

/** The js ↔ wasm calls `BackendWasm` makes, bound as tfjs' `init()` binds them. */
function bridge(module: { cwrap: Cwrap }): WasmModule['tfjs'] {
  const { cwrap } = module;
  return {
    init: cwrap('init', null, []),
    initWithThreadsCount: cwrap('init_with_threads_count', null, ['number']),
    getThreadsCount: cwrap('get_threads_count', 'number', []),
    registerTensor: cwrap('register_tensor', null, ['number', 'number', 'number']),
    disposeData: cwrap('dispose_data', null, ['number']),
    dispose: cwrap('dispose', null, []),
  };
}

/**
 * Unrefs the pthread workers that are running (XNNPACK's pool threads never exit; Emscripten refs a
 * worker while its thread runs, which would keep Node from exiting).
 */
export function unrefRunningWorkers(module: WasmModule): void {
  const pthread = (module as { PThread?: { runningWorkers?: { unref?: () => void }[] } }).PThread;
  for (const worker of pthread?.runningWorkers ?? []) worker.unref?.();
}
