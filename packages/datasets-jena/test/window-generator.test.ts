import { describe, expect, it } from 'vitest';
import { commonSenseBaselineMae, type NDArray, windowGenerator } from '../src/index';

/** rows × 3 data where value(row, col) = 10 * row + col: every window is checkable by hand. */
function ramp(rows: number): NDArray<Float32Array> {
  const data = new Float32Array(rows * 3);
  for (let r = 0; r < rows; r++) for (let c = 0; c < 3; c++) data[r * 3 + c] = 10 * r + c;
  return { data, shape: [rows, 3] };
}

const firstColumn = (xs: NDArray<Float32Array>) => {
  const [b, t, f] = xs.shape;
  return Array.from({ length: b }, (_, j) =>
    Array.from({ length: t }, (_, s) => xs.data[(j * t + s) * f] / 10),
  );
};

describe('windowGenerator', () => {
  const base = { lookback: 4, step: 2, delay: 1, batchSize: 3, minIndex: 0, maxIndex: 12 };

  it('yields the book windows and targets, wrapping when i + batchSize >= maxIndex', () => {
    const gen = windowGenerator(ramp(20), base);
    const first = gen.next().value!;
    expect(first.xs.shape).toEqual([3, 2, 3]);
    // rows 4, 5, 6 → samples rows [row-4, row-2]; targets data[row+1][1]
    expect(firstColumn(first.xs)).toEqual([
      [0, 2],
      [1, 3],
      [2, 4],
    ]);
    expect([...first.ys.data]).toEqual([51, 61, 71]);
    const second = gen.next().value!;
    expect([...second.ys.data]).toEqual([81, 91, 101]);
    // i = 10 and 10 + 3 >= 12: back to minIndex + lookback, as in the book
    const third = gen.next().value!;
    expect([...third.ys.data]).toEqual([51, 61, 71]);
  });

  it('yields a short first batch when the range is smaller than a batch', () => {
    const batch = windowGenerator(ramp(20), { ...base, maxIndex: 6 }).next().value!;
    expect([...batch.ys.data]).toEqual([51, 61]);
  });

  it('defaults maxIndex to rows - delay - 1, like the book', () => {
    const gen = windowGenerator(ramp(10), { lookback: 2, step: 1, delay: 1, batchSize: 1, steps: 100 });
    const targets = [...gen].map((b) => b.ys.data[0]);
    // maxIndex = 10 - 1 - 1 = 8; the book wraps when i + batchSize >= maxIndex, so the last row used is 6
    expect(Math.max(...targets)).toBe(71);
  });

  it('reverses the time axis on request', () => {
    const batch = windowGenerator(ramp(20), { ...base, reverse: true }).next().value!;
    expect(firstColumn(batch.xs)[0]).toEqual([2, 0]);
  });

  it('stops after steps batches', () => {
    expect([...windowGenerator(ramp(20), { ...base, steps: 5 })].length).toBe(5);
  });

  it('shuffles reproducibly under a seed, within [minIndex + lookback, maxIndex)', () => {
    const draw = (seed: number) =>
      [...windowGenerator(ramp(200), { ...base, maxIndex: 150, shuffle: true, seed, steps: 20 })].flatMap(
        (b) => [...b.ys.data],
      );
    const a = draw(7);
    expect(draw(7)).toEqual(a);
    expect(draw(8)).not.toEqual(a);
    const rows = a.map((y) => (y - 1) / 10 - 1);
    expect(Math.min(...rows)).toBeGreaterThanOrEqual(4);
    expect(Math.max(...rows)).toBeLessThan(150);
  });

  it('resolves durations against the sampling interval', () => {
    const inRows = windowGenerator(ramp(20), base).next().value!;
    const inTime = windowGenerator(ramp(20), {
      ...base,
      lookback: '40min',
      step: '20min',
      delay: '10min',
      maxIndex: '2h',
      samplingInterval: '10min',
    }).next().value!;
    expect(inTime).toEqual(inRows);
  });

  it.each([
    [
      { ...base, minIndex: 13 },
      'windowGenerator: minIndex must be at most maxIndex=12. Received: minIndex=13.',
    ],
    [
      { ...base, lookback: 12 },
      'windowGenerator: minIndex + lookback must be less than maxIndex=12 to leave a window. Received: minIndex=0, lookback=12.',
    ],
    [
      { ...base, maxIndex: 20 },
      'windowGenerator: maxIndex must be at most rows - delay = 19, so every target exists. Received: maxIndex=20.',
    ],
    [
      { ...base, lookback: 5 },
      'windowGenerator: lookback must be a multiple of step (2 rows). Received: lookback=5.',
    ],
    [
      { ...base, batchSize: 0 },
      'windowGenerator: batchSize must be a positive integer. Received: batchSize=0.',
    ],
    [
      { ...base, targetColumn: 3 },
      'windowGenerator: targetColumn must be an integer in [0, 2]. Received: targetColumn=3.',
    ],
    [
      { ...base, lookback: '10d' },
      'windowGenerator: samplingInterval must be given to use durations. Received: lookback="10d" and samplingInterval=undefined.',
    ],
    [
      { ...base, delay: '15min', samplingInterval: '10min' },
      'windowGenerator: delay must be a whole number of samples of 600000 ms. Received: delay="15min" (1.5 samples).',
    ],
    [
      { ...base, delay: 'soon', samplingInterval: '10min' },
      `windowGenerator: delay must be a row count or a duration like '10d', '24h', '10min'. Received: delay="soon".`,
    ],
  ])('rejects bad options before yielding (%#)', (options, message) => {
    expect(() => windowGenerator(ramp(20), options).next()).toThrow(message);
  });
});

describe('commonSenseBaselineMae', () => {
  it('predicts the last sampled value, so on a ramp the error is (step + delay) rows', () => {
    // column 1 grows by 10 per row; prediction = row - step, target = row + delay → error 10 * (2 + 3)
    const result = commonSenseBaselineMae(ramp(100), {
      lookback: 4,
      step: 2,
      delay: 3,
      minIndex: 10,
      maxIndex: 90,
      batchSize: 8,
      std: [1, 0.5, 1],
    });
    expect(result.batches).toBe(Math.floor((90 - 10 - 4) / 8));
    expect(result.mae).toBeCloseTo(50, 4);
    expect(result.maeCelsius).toBeCloseTo(25, 4);
  });
});
