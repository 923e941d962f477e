import { describe, expect, it } from 'vitest';
import { initKernels, kernelsBackend, setKernelsBackend, sgemm } from '../src/index';
import { wasmSupported } from '../src/wasm/wasm-kernels';

describe('backend selection', () => {
  it.skipIf(!wasmSupported())('defaults to wasm once initKernels() has compiled the module', async () => {
    await initKernels();
    expect(kernelsBackend()).toBe('wasm');
  });

  it('follows setKernelsBackend, and every backend computes the same product', () => {
    const results: number[][] = [];
    for (const backend of wasmSupported() ? (['js', 'wasm'] as const) : (['js'] as const)) {
      setKernelsBackend(backend);
      expect(kernelsBackend()).toBe(backend);
      const c = new Float32Array(4);
      sgemm(true, false, 2, 2, 2, Float32Array.of(1, 2, 3, 4), Float32Array.of(5, 6, 7, 8), c);
      results.push(Array.from(c)); // Aᵀ = [[1, 3], [2, 4]] → [[26, 30], [38, 44]]
    }
    for (const r of results) expect(r).toEqual([26, 30, 38, 44]);
  });
});
