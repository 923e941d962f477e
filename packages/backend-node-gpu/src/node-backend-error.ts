/**
 * Why the `node` / `node-gpu` backend could not start: `code` says which check failed.
 * @example
 * ```ts
 * try { await useBackend('node-gpu'); } catch (e) { if (e instanceof NodeBackendError) e.code; } // → 'PEER_MISSING'
 * ```
 */
export class NodeBackendError extends Error {
  /** `PEER_MISSING` (not installed or its native part failed to load), `VERSION_MISMATCH`, `NOT_REGISTERED`. */
  readonly code: 'PEER_MISSING' | 'VERSION_MISMATCH' | 'NOT_REGISTERED';

  constructor(code: NodeBackendError['code'], message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'NodeBackendError';
    this.code = code;
  }
}
