/** Threading mode of the wasm kernels (replaced by the pool's state once threads exist). */
export function threadPoolInfo(): {
  mode: 'single-thread' | 'multi-thread';
  threads: number;
  reason?: string;
} {
  return { mode: 'single-thread', threads: 1, reason: 'no thread pool' };
}
