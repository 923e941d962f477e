import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { registerCpuKernels, unsortedSegmentSumImpl, useBackend } from '../src/index';

describe('useBackend', () => {
  it('selects the cpu backend and returns its name', async () => {
    expect(await useBackend('cpu')).toBe('cpu');
    expect(tf.getBackend()).toBe('cpu');
    await expect(useBackend('wasm' as 'cpu')).rejects.toThrow(
      'useBackend: name must be "cpu" or "auto" in @tensorseq/backend-cpu. Received: name="wasm".',
    );
  });
});

describe('UnsortedSegmentSum', () => {
  it('matches a naive segment sum, dropping out-of-range ids', () => {
    const out = unsortedSegmentSumImpl([1, 2, 3, 4, 5, 6, 7, 8], [2, 0, 2, -1], 3, 2);
    expect(Array.from(out)).toEqual([3, 4, 0, 0, 6, 8]);
  });

  it('replaces the cpu kernel and agrees with tf.unsortedSegmentSum semantics', async () => {
    await useBackend('cpu', { registerKernels: false });
    const x = tf.tensor3d([1, 2, 3, 4, 5, 6, 7, 8], [4, 1, 2]);
    const ids = tf.tensor1d([1, 0, 1, 3], 'int32');
    const stock = tf.unsortedSegmentSum(x, ids, 4);
    expect(registerCpuKernels()).toEqual(['UnsortedSegmentSum']);
    expect(registerCpuKernels()).toEqual(['UnsortedSegmentSum']);
    const ours = tf.unsortedSegmentSum(x, ids, 4);
    expect(ours.shape).toEqual([4, 1, 2]);
    expect(ours.arraySync()).toEqual(stock.arraySync());
    tf.dispose([x, ids, stock, ours]);
  });

  it('sums an Embedding(10000, 32)-sized gradient in linear time', async () => {
    await useBackend('cpu');
    const rows = tf.ones([32 * 100, 32]);
    const ids = tf.tensor1d(
      Array.from({ length: 32 * 100 }, (_, i) => (i * 37) % 10000),
      'int32',
    );
    const t0 = performance.now();
    const out = tf.unsortedSegmentSum(rows, ids, 10000);
    const total = tf.sum(out).dataSync()[0];
    // The stock kernel takes seconds here (10000 segments × 3200 rows); the linear one milliseconds.
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(out.shape).toEqual([10000, 32]);
    expect(total).toBe(32 * 100 * 32);
    tf.dispose([rows, ids, out]);
  });
});
