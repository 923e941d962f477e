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
    const odd = unsortedSegmentSumImpl([1, 2, 3, 4, 5, 6], [Number.NaN, 1.7, Number.POSITIVE_INFINITY], 2, 2);
    expect(Array.from(odd)).toEqual([0, 0, 3, 4]);
  });

  it('replaces the cpu kernel and agrees with tf.unsortedSegmentSum semantics', async () => {
    await useBackend('cpu', { registerKernels: false });
    const x = tf.tensor3d([1, 2, 3, 4, 5, 6, 7, 8], [4, 1, 2]);
    const ids = tf.tensor1d([1, 0, 1, 3], 'int32');
    const stock = tf.unsortedSegmentSum(x, ids, 4);
    const names = registerCpuKernels();
    expect(names).toEqual([
      'UnsortedSegmentSum',
      'TensorseqSimpleRnnSequence',
      'TensorseqLstmSequence',
      'TensorseqGruSequence',
      'TensorseqSimpleRnnSequenceGrad',
      'TensorseqLstmSequenceGrad',
      'TensorseqGruSequenceGrad',
      'TensorseqConv1D',
      'TensorseqConv1DGrad',
      'TensorseqConv1DInputGrad',
      'TensorseqMaxPool1D',
      'TensorseqMaxPool1DGrad',
      'TensorseqAvgPool1D',
      'TensorseqAvgPool1DGrad',
      'TensorseqTapGather',
      'TensorseqTapScatter',
      'TensorseqWeightUpdate',
      'BatchMatMul',
      'GatherV2',
      'Transpose',
      'Add',
      'Slice',
      'SplitV',
    ]);
    expect(registerCpuKernels()).toEqual(names);
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

describe('replacements of tfjs-backend-cpu kernels', () => {
  it('match tfjs-backend-cpu on plain, transposed and broadcast products', async () => {
    await useBackend('cpu', { registerKernels: false });
    const a = tf.randomNormal([3, 4, 5], 0, 1, 'float32', 1);
    const b = tf.randomNormal([3, 5, 2], 0, 1, 'float32', 2);
    const b1 = tf.randomNormal([1, 4, 2], 0, 1, 'float32', 3);
    const cases = () => [
      tf.matMul(a, b),
      tf.matMul(a, b1, true, false),
      tf.matMul(tf.reshape(a, [12, 5]), tf.slice(tf.reshape(b, [15, 2]), [0, 0], [5, 2])),
      tf.matMul(b, a, true, true),
    ];
    const stock = cases().map((t) => t.arraySync());
    registerCpuKernels();
    const ours = cases();
    ours.forEach((t, i) => {
      const flat = (t.dataSync() as Float32Array).map(
        (v, j) => v - (tf.tensor(stock[i]).dataSync()[j] as number),
      );
      expect(Math.max(...flat.map(Math.abs))).toBeLessThan(1e-4);
    });
    tf.dispose([a, b, b1, ...ours]);
  });

  it('adds large same-shape float32 tensors like tfjs-backend-cpu, and leaves the rest to it', async () => {
    await useBackend('cpu', { registerKernels: false });
    const a = tf.randomNormal([4, 300, 70], 0, 1, 'float32', 7);
    const b = tf.randomNormal([4, 300, 70], 0, 1, 'float32', 8);
    const row = tf.randomNormal([70], 0, 1, 'float32', 9);
    const ints = tf.range(0, 70000, 1, 'int32');
    const cases = () => [tf.add(a, b), tf.add(a, row), tf.add(ints, ints), tf.add(row, row)];
    const stock = cases().map((t) => ({ shape: t.shape, dtype: t.dtype, values: Array.from(t.dataSync()) }));
    registerCpuKernels();
    const first = tf.add(a, b);
    first.dispose(); // its array goes back to the pool
    const ours = cases();
    ours.forEach((t, i) => {
      expect({ shape: t.shape, dtype: t.dtype, values: Array.from(t.dataSync()) }).toEqual(stock[i]);
    });
    tf.dispose([a, b, row, ints, ...ours]);
  });

  it('slices and splits like tfjs-backend-cpu, contiguous or not, for every dtype', async () => {
    await useBackend('cpu', { registerKernels: false });
    const x = tf.randomNormal([3, 4, 5, 6], 0, 1, 'float32', 10);
    const ints = tf.cast(tf.mul(x, 100), 'int32');
    const flags = tf.greater(x, 0);
    const boxes: [number[], number[]][] = [
      [
        [0, 0, 0, 2],
        [3, 4, 5, 3],
      ], // a column block: runs of 3
      [
        [1, 1, 0, 0],
        [2, 2, 5, 6],
      ], // whole inner dims: runs of 60
      [
        [0, 2, 1, 0],
        [3, -1, 3, 6],
      ], // -1: to the end
      [
        [1, 0, 0, 0],
        [1, 4, 5, 6],
      ], // contiguous: the stock kernel's view
      [
        [2, 3, 4, 5],
        [1, 1, 1, 1],
      ],
      [
        [0, 0, 0, 0],
        [3, 4, 0, 6],
      ], // empty
    ];
    const cases = () => [
      ...boxes.flatMap(([begin, size]) => [x, ints, flags].map((t) => tf.slice(t, begin, size))),
      ...tf.split(tf.reshape(x, [12, 30]), [7, 23], 1),
      ...tf.split(ints, 3, 3),
      ...tf.split(x, [1, 2], 0),
    ];
    const stock = cases().map((t) => ({ shape: t.shape, dtype: t.dtype, values: Array.from(t.dataSync()) }));
    registerCpuKernels();
    const ours = cases();
    ours.forEach((t, i) => {
      expect({ shape: t.shape, dtype: t.dtype, values: Array.from(t.dataSync()) }).toEqual(stock[i]);
    });
    expect(() => tf.slice(x, [0, 0, 0, 4], [1, 1, 1, 3])).toThrow(/would overflow input.shape\[3\]/);
    tf.dispose([x, ints, flags, ...ours]);
  });

  it('writes zeros for an empty inner dimension into a recycled product array', async () => {
    await useBackend('cpu');
    const a = tf.ones([2, 3]);
    const b = tf.ones([3, 2]);
    tf.matMul(a, b).dispose(); // its array goes back to the pool, holding 3s
    const empty = tf.matMul(tf.zeros([2, 0]), tf.zeros([0, 2]));
    expect(empty.arraySync()).toEqual([
      [0, 0],
      [0, 0],
    ]);
    tf.dispose([a, b, empty]);
  });

  it('gathers rows and leaves other axes and out-of-range ids to the stock kernel', async () => {
    await useBackend('cpu');
    const table = tf.tensor2d([1, 2, 3, 4, 5, 6], [3, 2]);
    const ids = tf.tensor2d([2, 0, 2, 1], [2, 2], 'int32');
    expect(tf.gather(table, ids).arraySync()).toEqual([
      [
        [5, 6],
        [1, 2],
      ],
      [
        [5, 6],
        [3, 4],
      ],
    ]);
    expect(tf.gather(table, tf.tensor1d([1, 0], 'int32'), 1).arraySync()).toEqual([
      [2, 1],
      [4, 3],
      [6, 5],
    ]);
    expect(() => tf.gather(table, tf.tensor1d([3], 'int32')).dataSync()).toThrow(
      /GatherV2: the index value 3 is not in \[0, 2\]/,
    );
    tf.dispose([table, ids]);
  });

  it('transposes like tfjs-backend-cpu for every permutation, dtype and empty shape', async () => {
    await useBackend('cpu', { registerKernels: false });
    const x3 = tf.randomNormal([3, 4, 5], 0, 1, 'float32', 4);
    const x4 = tf.cast(tf.randomUniform([2, 3, 1, 4], -50, 50, 'float32', 5), 'int32');
    const flags = tf.greater(tf.randomNormal([4, 3], 0, 1, 'float32', 6), 0);
    const cases = () => [
      ...[
        [0, 1, 2],
        [0, 2, 1],
        [1, 0, 2],
        [1, 2, 0],
        [2, 0, 1],
        [2, 1, 0],
      ].map((perm) => tf.transpose(x3, perm)),
      tf.transpose(x4, [3, 1, 0, 2]),
      tf.transpose(x4, [2, 3, 0, 1]),
      tf.transpose(flags),
      tf.transpose(tf.zeros([0, 3])),
      tf.transpose(tf.tensor1d([1, 2, 3])),
    ];
    const stock = cases().map((t) => ({ shape: t.shape, dtype: t.dtype, values: t.arraySync() }));
    registerCpuKernels();
    const ours = cases();
    ours.forEach((t, i) => {
      expect({ shape: t.shape, dtype: t.dtype, values: t.arraySync() }).toEqual(stock[i]);
    });
    // complex64 goes to the stock kernel.
    const complex = tf.complex([[1, 2, 3]], [[4, 5, 6]]);
    const transposed = tf.transpose(complex);
    expect(transposed.shape).toEqual([3, 1]);
    expect(Array.from(tf.imag(transposed).dataSync())).toEqual([4, 5, 6]);
    tf.dispose([x3, x4, flags, complex, transposed, ...ours]);
  });
});
