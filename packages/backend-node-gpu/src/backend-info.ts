/**
 * What {@link useBackend} selected.
 * @example
 * ```ts
 * const info: NodeBackendInfo = backendInfo();
 * info.gpu; // → true on a CUDA machine with tfjs-node-gpu
 * ```
 */
export interface NodeBackendInfo {
  /** The tfjs backend now active (`'tensorflow'`, or `'wasm'` / `'cpu'` after `auto` fell back). */
  backend: string;
  /** The adapter choice: `'node-gpu'`, `'node'`, `'wasm'` or `'cpu'`. */
  choice: 'node-gpu' | 'node' | 'wasm' | 'cpu';
  /** The peer package that was loaded, if any. */
  peer: string | null;
  /** Whether libtensorflow runs on a GPU device. */
  gpu: boolean;
  /** Why this backend (one line per step `auto` took). */
  reasons: string[];
}

let current: NodeBackendInfo | null = null;

/**
 * What the last {@link useBackend} call of this package selected (null before the first call).
 * @example
 * await useBackend('auto');
 * backendInfo(); // → { backend: 'wasm', choice: 'wasm', peer: null, gpu: false, reasons: [...] } without the peers
 */
export function backendInfo(): NodeBackendInfo | null {
  return current;
}

/** Records what useBackend selected. */
export function setBackendInfo(info: NodeBackendInfo): void {
  current = info;
}
