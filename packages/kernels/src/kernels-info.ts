import { kernelsBackend, wasmThreading } from './backend';

/**
 * What runs the kernels: the implementation, and whether the WebAssembly kernels split their work over
 * a pool of threads sharing one `WebAssembly.Memory`.
 * @example
 * ```ts
 * const info: KernelsInfo = { backend: 'wasm', mode: 'single-thread', threads: 1, reason: 'TENSORSEQ_KERNEL_THREADS=1' };
 * ```
 */
export interface KernelsInfo {
  /** `'wasm'` (WebAssembly SIMD) or `'js'` (the TypeScript fallback). */
  backend: 'wasm' | 'js';
  /** `'multi-thread'` when the wasm kernels use a worker pool on shared memory. */
  mode: 'single-thread' | 'multi-thread';
  /** Threads doing the math, the calling thread included. */
  threads: number;
  /** Why the kernels run on one thread, when they do. */
  reason?: string;
}

/**
 * Reports which implementation and threading mode the kernels use now.
 *
 * @returns The backend, the mode and the thread count (and, on one thread, why).
 * @example
 * ```ts
 * import { kernelsInfo } from '@tensorseq/kernels';
 * kernelsInfo(); // → { backend: 'wasm', mode: 'multi-thread', threads: 2 } on a 2-core Node
 * ```
 */
export function kernelsInfo(): KernelsInfo {
  const backend = kernelsBackend();
  if (backend === 'js') return { backend, mode: 'single-thread', threads: 1, reason: 'TypeScript kernels' };
  const { threads, reason } = wasmThreading();
  return threads > 1
    ? { backend, mode: 'multi-thread', threads }
    : { backend, mode: 'single-thread', threads: 1, reason: reason ?? 'one thread' };
}
