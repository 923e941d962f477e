import { describe, expect, it } from 'vitest';
import { type NDArray, timeseriesDatasetFromArray } from '../src/index';

const range = (n: number, from = 0): NDArray<Float32Array> => ({
  data: Float32Array.from({ length: n }, (_, i) => i + from),
  shape: [n],
});

describe('timeseriesDatasetFromArray', () => {
  it("matches Keras' example 1 (sequenceLength 10, samplingRate 2, sequenceStride 3)", () => {
    const ds = timeseriesDatasetFromArray(range(99), null, {
      sequenceLength: 10,
      samplingRate: 2,
      sequenceStride: 3,
    });
    const [batch] = [...ds];
    const seqs = Array.from({ length: batch.xs.shape[0] }, (_, j) => [
      ...batch.xs.data.subarray(j * 10, j * 10 + 10),
    ]);
    expect(seqs[0]).toEqual([0, 2, 4, 6, 8, 10, 12, 14, 16, 18]);
    expect(seqs[1]).toEqual([3, 5, 7, 9, 11, 13, 15, 17, 19, 21]);
    expect(seqs[seqs.length - 1]).toEqual([78, 80, 82, 84, 86, 88, 90, 92, 94, 96]);
    expect(batch.ys).toBeUndefined();
  });

  it("matches Keras' example 2: the target is the row where the window starts", () => {
    const data = range(20);
    const input = { data: data.data.subarray(0, 10), shape: [10] };
    const targets = data.data.subarray(10);
    const [batch, ...rest] = [...timeseriesDatasetFromArray(input, targets, { sequenceLength: 10 })];
    expect([...batch.xs.data]).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(batch.xs.shape).toEqual([1, 10]);
    expect([...batch.ys!.data]).toEqual([10]);
    expect(rest).toEqual([]);
  });

  it('batches [batch, sequenceLength, features] from startIndex, targets offset the same way', () => {
    const data = { data: Float32Array.from({ length: 40 }, (_, i) => i), shape: [20, 2] };
    const targets = Float32Array.from({ length: 20 }, (_, i) => 100 + i);
    const ds = timeseriesDatasetFromArray(data, targets, {
      sequenceLength: 3,
      batchSize: 4,
      startIndex: 5,
      endIndex: 15,
    });
    expect(ds.length).toBe(2);
    const batches = [...ds];
    expect(batches[0].xs.shape).toEqual([4, 3, 2]);
    expect([...batches[0].xs.data.subarray(0, 6)]).toEqual([10, 11, 12, 13, 14, 15]);
    expect([...batches[0].ys!.data]).toEqual([105, 106, 107, 108]);
    expect(batches[1].xs.shape[0]).toBe(4); // 15 - 5 - 2 = 8 windows
  });

  it('shuffles once, reproducibly under a seed, the same on every pass', () => {
    const make = (seed: number) =>
      timeseriesDatasetFromArray(range(50), range(50), { sequenceLength: 5, shuffle: true, seed });
    const ds = make(3);
    const pass1 = [...ds].flatMap((b) => [...b.ys!.data]);
    const pass2 = [...ds].flatMap((b) => [...b.ys!.data]);
    expect(pass2).toEqual(pass1);
    expect([...make(3).startPositions]).toEqual([...ds.startPositions]);
    expect(pass1).not.toEqual([...pass1].sort((a, b) => a - b));
    expect([...pass1].sort((a, b) => a - b)).toEqual(Array.from({ length: 46 }, (_, i) => i));
  });

  it('rejects options that leave no window', () => {
    expect(() => timeseriesDatasetFromArray(range(5), null, { sequenceLength: 6 })).toThrow(
      'timeseriesDatasetFromArray: sequenceLength must fit in [startIndex, endIndex) and the targets. Received: sequenceLength=6 (no window left).',
    );
    expect(() => timeseriesDatasetFromArray(range(5), null, { sequenceLength: 2, endIndex: 0 })).toThrow(
      'timeseriesDatasetFromArray: endIndex must be an integer in (startIndex=0, 5]. Received: endIndex=0.',
    );
  });
});
