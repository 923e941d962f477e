import plainWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import simdWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import threadedSimdWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { backendInfo, useBackend } from '@tensorseq/backend-wasm';

/**
 * Starts tfjs-backend-wasm with tensorseq's training and fused recurrent kernels, telling it where Vite
 * serves the three .wasm builds, and describes what it got (SIMD, threads) for the page.
 *
 * @returns a one-line description, e.g. `wasm · SIMD · 1 thread`.
 * @example
 * document.querySelector('#backend').textContent = await startWasmBackend();
 */
export async function startWasmBackend(): Promise<string> {
  const name = await useBackend('wasm', {
    wasmPaths: {
      'tfjs-backend-wasm.wasm': plainWasm,
      'tfjs-backend-wasm-simd.wasm': simdWasm,
      'tfjs-backend-wasm-threaded-simd.wasm': threadedSimdWasm,
    },
  });
  const info = backendInfo();
  const threads = info?.threads ?? 1;
  return `${name} · ${info?.simd ? 'SIMD' : 'no SIMD'} · ${threads} thread${threads === 1 ? '' : 's'}`;
}
