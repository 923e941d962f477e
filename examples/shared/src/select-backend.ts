import * as tf from '@tensorflow/tfjs-core';

/** The values `--backend` takes. */
export const BACKEND_CHOICES = ['cpu', 'wasm', 'node', 'node-gpu', 'auto'] as const;

/** One of {@link BACKEND_CHOICES}. */
export type BackendChoice = (typeof BACKEND_CHOICES)[number];

/**
 * Selects a backend through its tensorseq adapter: `cpu` → @tensorseq/backend-cpu, `wasm` →
 * @tensorseq/backend-wasm, `node` / `node-gpu` / `auto` → @tensorseq/backend-node-gpu (whose `auto`
 * falls back to wasm, then cpu). Returns the tfjs backend now active.
 *
 * @example
 * await selectBackend('wasm'); // → 'wasm'
 */
export async function selectBackend(choice: BackendChoice): Promise<string> {
  if (choice === 'cpu') await (await import('@tensorseq/backend-cpu')).useBackend('cpu');
  else if (choice === 'wasm') await (await import('@tensorseq/backend-wasm/node')).useBackend('wasm');
  else await (await import('@tensorseq/backend-node-gpu')).useBackend(choice);
  return tf.getBackend();
}
