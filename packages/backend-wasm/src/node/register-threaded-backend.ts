import * as tf from '@tensorflow/tfjs-core';
import { createThreadedModule, unrefRunningWorkers } from './threaded-module';

type TfjsWasm = typeof import('@tensorflow/tfjs-backend-wasm');

const WASM_PRIORITY = 2;

/**
 * Replaces tfjs-backend-wasm's backend factory with one that starts its threaded SIMD build with
 * `threads` threads in Node (see {@link createThreadedModule}); the kernels tfjs registered for `'wasm'`
 * stay as they are. Call it before the wasm backend starts. Returns a function that puts tfjs' own
 * (single-threaded in Node) factory back, for a fallback when the threaded start fails.
 *
 * @example
 * const restore = registerThreadedBackend(await import('@tensorflow/tfjs-backend-wasm'), 2);
 * if (!(await tf.setBackend('wasm'))) restore();
 */
export function registerThreadedBackend(wasm: TfjsWasm, threads: number): () => void {
  const original = tf.findBackendFactory('wasm');
  tf.removeBackend('wasm');
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', true);
  tf.registerBackend(
    'wasm',
    async () => {
      const module = await createThreadedModule(threads);
      wasm.setThreadsCount(threads);
      const backend = new wasm.BackendWasm(module);
      unrefRunningWorkers(module);
      return backend;
    },
    WASM_PRIORITY,
  );
  return () => {
    tf.removeBackend('wasm');
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    wasm.setThreadsCount(-1);
    if (original) tf.registerBackend('wasm', original, WASM_PRIORITY);
  };
}
