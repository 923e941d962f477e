import * as tf from '@tensorflow/tfjs-core';
import { initKernels } from '@tensorseq/kernels';
import { setBackendInfo, type WasmBackendInfo } from './backend-info';
import { installHostArrayCache } from './host-array-cache';
import { registerWasmKernels } from './register-wasm-kernels';
import type { UseWasmBackendOptions, WasmBackendName } from './use-wasm-backend-options';
import type { WasmHost } from './wasm-host';

/**
 * `useBackend` for a runtime: `host` says where the `.wasm` files are and how to start the
 * threaded build there (the main entry's host knows neither; the `./node` entry's finds both).
 */
export async function useBackendOn(
  host: WasmHost,
  name: WasmBackendName,
  options: UseWasmBackendOptions,
): Promise<string> {
  if (name !== 'wasm' && name !== 'auto') {
    throw new RangeError(
      `useBackend: name must be "wasm" or "auto" in @tensorseq/backend-wasm. Received: name="${String(name)}". To fix this, install the adapter for that backend (@tensorseq/backend-cpu, @tensorseq/backend-node-gpu).`,
    );
  }
  const { threads, simd = true, registerKernels = true, hostArrayCache = true } = options;
  if (threads !== undefined && !(Number.isInteger(threads) && threads >= 1)) {
    throw new RangeError(
      `useBackend: threads must be a positive integer. Received: threads=${String(threads)}.`,
    );
  }
  if (typeof simd !== 'boolean') {
    throw new RangeError(`useBackend: simd must be true or false. Received: simd=${String(simd)}.`);
  }
  try {
    return await startWasm(host, {
      threads,
      simd,
      registerKernels,
      hostArrayCache,
      wasmPaths: options.wasmPaths,
    });
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

async function startWasm(
  host: WasmHost,
  options: {
    threads: number | undefined;
    simd: boolean;
    registerKernels: boolean;
    hostArrayCache: boolean;
    wasmPaths: UseWasmBackendOptions['wasmPaths'];
  },
): Promise<string> {
  const wasm = await import('@tensorflow/tfjs-backend-wasm');
  const inNode = tf.env().getBool('IS_NODE');
  let wasmPaths = options.wasmPaths;
  if (wasmPaths === undefined) {
    const dir = await host.wasmDir();
    if (dir) wasmPaths = dir;
  }
  const fresh = !tf.engine().registry.wasm;
  const reasons: string[] = [];
  let restore: (() => void) | null = null;
  const asked = options.threads;
  if (!fresh && asked !== undefined) {
    reasons.push(`threads=${asked} was asked after the wasm backend had started; it keeps its thread count`);
  } else if (fresh) {
    if (wasmPaths !== undefined) wasm.setWasmPaths(wasmPaths as string);
    if (!options.simd) tf.env().set('WASM_HAS_SIMD_SUPPORT', false);
    if (asked !== undefined && asked > 1) {
      if (!options.simd) {
        reasons.push(
          `threads=${asked} was asked, but tfjs-backend-wasm's threaded build needs SIMD; running 1 thread`,
        );
      } else if (inNode && host.startThreaded) {
        restore = host.startThreaded(wasm, asked);
      } else if (inNode) {
        reasons.push(
          `threads=${asked} was asked, but in Node the threaded build starts only through @tensorseq/backend-wasm/node's useBackend; running 1 thread`,
        );
      } else {
        wasm.setThreadsCount(asked);
      }
    }
  }
  if (options.registerKernels) {
    registerWasmKernels();
    // Compiles tensorseq's kernels without blocking and starts their threads (Web Workers on a
    // cross-origin isolated page): browsers refuse to compile them synchronously on the main thread.
    await initKernels();
  }
  let ok = await tf.setBackend('wasm').catch(() => false);
  if (!ok && restore) {
    restore();
    reasons.push(
      `threads=${asked} was asked, but the threaded build did not start in Node; running tfjs' own single-threaded build`,
    );
    ok = await tf.setBackend('wasm');
  }
  if (!ok) {
    throw new Error(
      `useBackend: the wasm backend must initialize. Received: tf.setBackend("wasm") returned false (wasmPaths=${JSON.stringify(wasmPaths ?? null)}). To fix this, ${inNode ? "import useBackend from '@tensorseq/backend-wasm/node', which finds the .wasm files in Node, or pass their folder as wasmPaths" : "serve tfjs-backend-wasm's .wasm files and pass their location as wasmPaths"}.`,
    );
  }
  await tf.ready();
  if (options.hostArrayCache) installHostArrayCache(tf.backend());
  const simd = Boolean(await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT'));
  const threaded = Boolean(await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT'));
  const threads = threaded ? wasm.getThreadsCount() : 1;
  reasons.unshift(simdReason(simd, options.simd));
  if (reasons.length === 1) reasons.push(threadsReason(threads, threaded, inNode, asked));
  const info: WasmBackendInfo = {
    backend: tf.getBackend(),
    simd,
    threads,
    wasmPaths: typeof wasmPaths === 'string' ? wasmPaths : wasmPaths ? 'custom file map' : 'default',
    reasons,
  };
  setBackendInfo(info);
  return info.backend;
}

function simdReason(simd: boolean, asked: boolean): string {
  if (simd) return 'SIMD: the runtime validates WebAssembly SIMD, so the SIMD build runs';
  return asked ? 'SIMD: the runtime does not support WebAssembly SIMD' : 'SIMD: turned off by simd: false';
}

function threadsReason(
  threads: number,
  threaded: boolean,
  inNode: boolean,
  asked: number | undefined,
): string {
  if (threaded && inNode) {
    return `threads: ${threads}, tfjs-backend-wasm's threaded SIMD build with file-based pthread workers (tfjs 4.22 alone turns threads off under Node)`;
  }
  if (threaded) return `threads: ${threads}, the threaded SIMD build (SharedArrayBuffer available)`;
  if (inNode) {
    return asked === 1
      ? 'threads: 1, as asked'
      : 'threads: 1, the default in Node (pass threads: 2 or more for the threaded build)';
  }
  return 'threads: 1, because the page is not cross-origin isolated (no SharedArrayBuffer)';
}
