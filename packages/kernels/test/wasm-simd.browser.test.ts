// Browser only (`.browser.test.ts`, pnpm test:browser): in Chromium the kernels run their WebAssembly SIMD
// build, compiled asynchronously by initKernels() as browsers require on the main thread, rather than
// falling back to the TypeScript kernels; the rest of this folder's suites then test that path.
import { describe, expect, it } from 'vitest';
import { initKernels, kernelsBackend, kernelsInfo, sgemm } from '../src/index';

describe('kernels in the browser', () => {
  it('run the WebAssembly SIMD kernels after initKernels()', async () => {
    await initKernels();
    expect(kernelsBackend()).toBe('wasm');
    expect(kernelsInfo().backend).toBe('wasm');
    const c = new Float32Array(4);
    sgemm(false, false, 2, 2, 2, Float32Array.of(1, 2, 3, 4), Float32Array.of(5, 6, 7, 8), c);
    expect(Array.from(c)).toEqual([19, 22, 43, 50]);
  });
});
