import * as tf from '@tensorflow/tfjs-core';
import { setBackendInfo, type WasmBackendInfo } from './backend-info';
import { registerWasmKernels } from './register-wasm-kernels';
import { nodeWasmDir } from './wasm-paths';

/** Backends this adapter can select (`'auto'` = wasm, or cpu where WebAssembly is unavailable). */
export type WasmBackendName = 'wasm' | 'auto';

/** Options of {@link useBackend}. */
export interface UseWasmBackendOptions {
  /**
   * Threads for tfjs-backend-wasm's kernels. More than 1 needs its threaded build, which runs only where
   * SharedArrayBuffer workers are allowed (a cross-origin-isolated browser page); in Node, tfjs 4.22
   * refuses (see the README), so 1 is used and `backendInfo().reasons` says why. @defaultValue 1 in
   * Node, the browser's choice elsewhere
   */
  threads?: number;
  /** Use the SIMD build when the runtime supports it. @defaultValue true */
  simd?: boolean;
  /**
   * Where the `.wasm` files are served (a URL prefix ending in `/`, or tfjs' file map). In Node they
   * are found automatically. @defaultValue tfjs-backend-wasm's own dist folder (Node)
   */
  wasmPaths?: string | { [fileName: string]: string };
  /** Register the training and fused kernels tfjs-backend-wasm lacks. @defaultValue true */
  registerKernels?: boolean;
}

/**
 * Loads `@tensorflow/tfjs-backend-wasm`, registers the training kernels it lacks and tensorseq's fused
 * kernels, makes it the active backend and returns its name. `'auto'` falls back to the cpu adapter
 * when WebAssembly cannot start. See {@link backendInfo} for what it got.
 *
 * @throws RangeError for another name or a bad option; Error when the wasm backend fails to start.
 * @example
 * await useBackend('wasm'); // → 'wasm'
 */
export async function useBackend(
  name: WasmBackendName = 'wasm',
  options: UseWasmBackendOptions = {},
): Promise<string> {
  if (name !== 'wasm' && name !== 'auto') {
    throw new RangeError(
      `useBackend: name must be "wasm" or "auto" in @tensorseq/backend-wasm. Received: name="${String(name)}". To fix this, install the adapter for that backend (@tensorseq/backend-cpu, @tensorseq/backend-node-gpu).`,
    );
  }
  const { threads, simd = true, registerKernels = true } = options;
  if (threads !== undefined && !(Number.isInteger(threads) && threads >= 1)) {
    throw new RangeError(
      `useBackend: threads must be a positive integer. Received: threads=${String(threads)}.`,
    );
  }
  if (typeof simd !== 'boolean') {
    throw new RangeError(`useBackend: simd must be true or false. Received: simd=${String(simd)}.`);
  }
  try {
    return await startWasm({ threads, simd, registerKernels, wasmPaths: options.wasmPaths });
  } catch (error) {
    if (name !== 'auto') throw error;
    const cpu = await import('@tensorseq/backend-cpu');
    const backend = await cpu.useBackend('cpu');
    setBackendInfo({
      backend,
      simd: false,
      threads: 1,
      wasmPaths: '',
      reasons: [`wasm could not start (${(error as Error).message}); fell back to cpu`],
    });
    return backend;
  }
}

async function startWasm(options: {
  threads: number | undefined;
  simd: boolean;
  registerKernels: boolean;
  wasmPaths: UseWasmBackendOptions['wasmPaths'];
}): Promise<string> {
  const wasm = await import('@tensorflow/tfjs-backend-wasm');
  const reasons: string[] = [];
  const inNode = tf.env().getBool('IS_NODE');
  let wasmPaths = options.wasmPaths;
  if (wasmPaths === undefined && inNode) {
    const dir = await nodeWasmDir();
    if (dir) wasmPaths = dir;
  }
  const fresh = !tf.engine().registry.wasm;
  if (options.threads !== undefined && options.threads > 1 && inNode) {
    reasons.push(
      `threads=${options.threads} was asked, but tfjs-backend-wasm 4.22 starts its threads from blob: worker URLs, which Node refuses (ERR_WORKER_PATH); running 1 thread`,
    );
  } else if (options.threads !== undefined && !fresh) {
    reasons.push(
      `threads=${options.threads} was asked after the wasm backend had started; it keeps its thread count`,
    );
  }
  if (fresh) {
    if (wasmPaths !== undefined) wasm.setWasmPaths(wasmPaths as string);
    if (!options.simd) tf.env().set('WASM_HAS_SIMD_SUPPORT', false);
    if (options.threads !== undefined && options.threads > 1 && !inNode)
      wasm.setThreadsCount(options.threads);
  }
  if (options.registerKernels) registerWasmKernels();
  const ok = await tf.setBackend('wasm');
  if (!ok) {
    throw new Error(
      `useBackend: the wasm backend must initialize. Received: tf.setBackend("wasm") returned false (wasmPaths=${JSON.stringify(wasmPaths ?? null)}). To fix this, serve tfjs-backend-wasm's .wasm files and pass their location as wasmPaths.`,
    );
  }
  await tf.ready();
  const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
  const threaded = await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT');
  reasons.unshift(
    simd
      ? 'SIMD: the runtime validates WebAssembly SIMD, so the SIMD build runs'
      : options.simd
        ? 'SIMD: the runtime does not support WebAssembly SIMD'
        : 'SIMD: turned off by simd: false',
  );
  if (!threaded && inNode && reasons.length === 1) {
    reasons.push('threads: 1, because tfjs-backend-wasm 4.22 turns its threaded build off under Node');
  } else if (!threaded && !inNode) {
    reasons.push('threads: 1, because the page is not cross-origin isolated (no SharedArrayBuffer)');
  }
  const info: WasmBackendInfo = {
    backend: tf.getBackend(),
    simd: Boolean(simd),
    threads: threaded ? wasm.getThreadsCount() : 1,
    wasmPaths: typeof wasmPaths === 'string' ? wasmPaths : wasmPaths ? 'custom file map' : 'default',
    reasons,
  };
  setBackendInfo(info);
  return info.backend;
}
