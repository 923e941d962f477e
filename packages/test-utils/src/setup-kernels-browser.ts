// Shared setup of the browser test run (vitest.browser.config.ts lists it for every suite): compiles the
// WebAssembly kernels asynchronously, as browsers require on the main thread, and fails the run when
// Chromium falls back to the TypeScript kernels: the browser suites exist to test the wasm SIMD path.
import { initKernels, kernelsInfo } from '@tensorseq/kernels';

await initKernels();
const info = kernelsInfo();
if (info.backend !== 'wasm') {
  throw new Error(
    `setup-kernels-browser: the kernels must run their WebAssembly SIMD path in the browser. Received: kernelsInfo()=${JSON.stringify(info)}.`,
  );
}
const flag = '__TENSORSEQ_BROWSER_KERNELS_PRINTED';
if (!(globalThis as Record<string, unknown>)[flag]) {
  (globalThis as Record<string, unknown>)[flag] = true;
  console.log(`[tensorseq] browser kernels: ${JSON.stringify(info)}`);
}
