import plainWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import simdWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import threadedSimdWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { backendInfo, useBackend } from '@tensorseq/backend-wasm';
import { kernelsInfo } from '@tensorseq/kernels';

/**
 * Starts tfjs-backend-wasm with tensorseq's training and fused recurrent kernels, telling it where Vite
 * serves the three .wasm builds, and describes what it got (SIMD, threads, and the threads of tensorseq's
 * kernels: Web Workers when the page is cross-origin isolated) for the page.
 *
 * @returns a one-line description, e.g. `wasm · SIMD · 1 thread · tensorseq kernels: 2 threads`.
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
  const kernels = kernelsInfo();
  const plural = (n: number) => `${n} thread${n === 1 ? '' : 's'}`;
  return `${name} · ${info?.simd ? 'SIMD' : 'no SIMD'} · ${plural(threads)} · tensorseq kernels: ${plural(kernels.threads)}`;
}
