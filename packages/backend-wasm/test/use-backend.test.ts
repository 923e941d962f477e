import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { useBackend as useCpu } from '@tensorseq/backend-cpu';
import { describe, expect, it } from 'vitest';
import { backendInfo, nodeWasmDir, useBackend, wasmKernelConfigs } from '../src/node';

describe('useBackend (wasm adapter)', () => {
  it('finds the .wasm files in Node, selects wasm and reports SIMD and threads with reasons', async () => {
    const dir = await nodeWasmDir();
    expect(dir).toMatch(/tfjs-backend-wasm[/\\]dist[/\\]$/);
    expect(await useBackend('wasm')).toBe('wasm');
    expect(tf.getBackend()).toBe('wasm');
    const info = backendInfo();
    expect(info).toMatchObject({ backend: 'wasm', simd: true, threads: 1, wasmPaths: dir });
    expect(info?.reasons[0]).toBe('SIMD: the runtime validates WebAssembly SIMD, so the SIMD build runs');
  });

  it('keeps the thread count of a wasm backend that has already started, and says so', async () => {
    await useBackend('wasm');
    await useBackend('wasm', { threads: 2 });
    expect(backendInfo()?.threads).toBe(1);
    expect(backendInfo()?.reasons).toContain(
      'threads=2 was asked after the wasm backend had started; it keeps its thread count',
    );
  });

  it('registers the training kernels tfjs-backend-wasm lacks and the fused kernels', async () => {
    await useBackend('wasm');
    for (const name of [
      'UnsortedSegmentSum',
      'Conv2DBackpropFilter',
      'Conv2DBackpropInput',
      'MaxPoolGrad',
      'TensorseqLstmSequence',
      'TensorseqGruSequenceGrad',
    ]) {
      expect(tf.getKernel(name, 'wasm')?.kernelFunc).toBeDefined();
    }
    expect(wasmKernelConfigs().every((c) => c.backendName === 'wasm')).toBe(true);
    const x = tf.tensor2d([1, 2, 3, 4, 5, 6], [3, 2]);
    const ids = tf.tensor1d([2, 0, 2], 'int32');
    expect(tf.unsortedSegmentSum(x, ids, 3).arraySync()).toEqual([
      [3, 4],
      [0, 0],
      [6, 8],
    ]);
    tf.dispose([x, ids]);
  });

  it('answers dataSync of a tensor written from JavaScript with its array, shares data on clone, and copies what wasm kernels wrote', async () => {
    await useBackend('wasm');
    const before = tf.memory().numTensors;
    const values = new Float32Array([1, 2, 3, 4]);
    const t = tf.tensor2d(values, [2, 2]);
    expect(t.dataSync()).toBe(values);
    const ranged = tf.backend() as unknown as {
      readSync(id: object, start: number, end: number): Float32Array;
    };
    expect(Array.from(ranged.readSync(t.dataId, 1, 3))).toEqual([2, 3]);
    const copy = tf.clone(t);
    expect(copy.dataId).toBe(t.dataId);
    const sum = tf.add(t, 1);
    expect(sum.dataSync()).not.toBe(values);
    expect(Array.from(sum.dataSync())).toEqual([2, 3, 4, 5]);
    const ids = tf.tensor1d([1, 0, 1], 'int32');
    expect(tf.tidy(() => tf.gather(t, ids).arraySync())).toEqual([
      [3, 4],
      [1, 2],
      [3, 4],
    ]);
    tf.dispose([t, sum, ids]);
    expect(Array.from(copy.dataSync())).toEqual([1, 2, 3, 4]);
    copy.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('copies a tensor written from JavaScript into the heap only when a tfjs-backend-wasm kernel reads it', async () => {
    await useBackend('wasm');
    const before = tf.memory().numTensors;
    const module = (
      tf.backend() as unknown as { wasm: { _malloc(n: number): number; _free(p: number): void } }
    ).wasm;
    // Emscripten's lazy export stub replaces Module._malloc on its first call: resolve it before wrapping.
    module._free(module._malloc(1));
    const malloc = module._malloc;
    const sizes: number[] = [];
    module._malloc = (n: number) => {
      sizes.push(n);
      return malloc(n);
    };
    try {
      const t = tf.tensor2d([1, 2, 3, 4, 5, 6], [2, 3]);
      const reshaped = tf.reshape(t, [3, 2]);
      const shared = tf.clone(reshaped);
      t.dispose();
      reshaped.dispose();
      expect(sizes).toEqual([]);
      // UnsortedSegmentSum is a host kernel: it reads the array, and its output stays out of the heap too.
      const ids = tf.tensor1d([1, 0, 1], 'int32');
      const summed = tf.unsortedSegmentSum(shared, ids, 2);
      expect(sizes).toEqual([]);
      // Add is tfjs-backend-wasm's: its inputs go into the heap now (16 bytes, the scalar's 4), then its output.
      const plus = tf.add(summed, 1);
      expect(sizes).toEqual([16, 4, 16]);
      expect(plus.arraySync()).toEqual([
        [4, 5],
        [7, 9],
      ]);
      const product = tf.matMul(shared, summed, false, true);
      expect(product.arraySync()).toEqual([
        [11, 22],
        [25, 50],
        [39, 78],
      ]);
      tf.dispose([shared, ids, summed, plus, product]);
    } finally {
      module._malloc = malloc;
    }
    expect(tf.memory().numTensors).toBe(before);
  });

  it('matches tf.conv1d gradients computed on the cpu backend', async () => {
    const grads = async (backend: 'cpu' | 'wasm') => {
      if (backend === 'wasm') await useBackend('wasm');
      else await useCpu('cpu');
      const x = tf.randomNormal([2, 9, 3], 0, 1, 'float32', 7) as tf.Tensor3D;
      const k = tf.randomNormal([3, 3, 4], 0, 1, 'float32', 8) as tf.Tensor3D;
      const [dx, dk] = tf.grads((a: tf.Tensor, b: tf.Tensor) =>
        tf.sum(tf.square(tf.conv1d(a as tf.Tensor3D, b as tf.Tensor3D, 2, 'same'))),
      )([x, k]);
      const out = [Array.from(dx.dataSync()), Array.from(dk.dataSync())];
      tf.dispose([x, k, dx, dk]);
      return out;
    };
    const cpu = await grads('cpu');
    const wasm = await grads('wasm');
    for (let i = 0; i < 2; i++) {
      cpu[i].forEach((v, j) => {
        expect(Math.abs(v - wasm[i][j])).toBeLessThan(1e-3 * (1 + Math.abs(v)));
      });
    }
  });

  it('rejects other names and bad options', async () => {
    await expect(useBackend('cpu' as 'wasm')).rejects.toThrow(
      'useBackend: name must be "wasm" or "auto" in @tensorseq/backend-wasm. Received: name="cpu". To fix this, install the adapter for that backend (@tensorseq/backend-cpu, @tensorseq/backend-node-gpu).',
    );
    await expect(useBackend('wasm', { threads: 0 })).rejects.toThrow(
      'useBackend: threads must be a positive integer. Received: threads=0.',
    );
  });
});
