import * as tf from '@tensorflow/tfjs-core';
import { envVar } from '#host-files';

/** The backends the test suites run on, chosen with `TENSORSEQ_BACKEND`. */
export type TestBackend = 'cpu' | 'wasm';

const BACKENDS: readonly TestBackend[] = ['cpu', 'wasm'];

/**
 * The backend `TENSORSEQ_BACKEND` asks for (`cpu` when unset).
 *
 * @throws RangeError for another value.
 * @example
 * testBackendName(); // → 'cpu' (or 'wasm' under TENSORSEQ_BACKEND=wasm)
 */
export function testBackendName(): TestBackend {
  const raw = envVar('TENSORSEQ_BACKEND') ?? 'cpu';
  if (!(BACKENDS as readonly string[]).includes(raw)) {
    throw new RangeError(`TENSORSEQ_BACKEND must be "cpu" or "wasm". Received: TENSORSEQ_BACKEND="${raw}".`);
  }
  return raw as TestBackend;
}

/**
 * Selects the test backend through its tensorseq adapter (which registers the fused and training
 * kernels), the way users do. Every suite's shared setup calls it; call it again after a test switched
 * backends.
 *
 * @example
 * await useTestBackend(); // → 'cpu'
 */
export async function useTestBackend(): Promise<TestBackend> {
  const name = testBackendName();
  if (name === 'wasm') {
    const { useBackend } = await import('@tensorseq/backend-wasm/node');
    await useBackend('wasm');
  } else {
    const { useBackend } = await import('@tensorseq/backend-cpu');
    await useBackend('cpu');
  }
  if (tf.getBackend() !== name) {
    throw new Error(`useTestBackend: the active backend must be "${name}". Received: "${tf.getBackend()}".`);
  }
  return name;
}
