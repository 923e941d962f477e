import { describe, expect, it } from 'vitest';
import { type JenaSubset, jenaWindows } from '../src/jena-windows';

// Temperature t = row index, pressure constant 1 except in row 0: easy to follow by hand.
const subset: JenaSubset = {
  columns: ['p (mbar)', 'T (degC)'],
  start: '2009-01-01T00:00:00Z',
  intervalHours: 3,
  rows: 12,
  values: Array.from({ length: 12 }, (_, i) => [i === 0 ? 3 : 1, i]),
};

describe('jenaWindows', () => {
  it('normalizes with the training rows, and targets the temperature delay samples after each window', () => {
    const w = jenaWindows(subset, { lookback: 3, delay: 2, trainEnd: 7, trainStride: 1 });
    // Training rows 0..6: T mean 3, std 2.
    expect(w.temperatureMean).toBe(3);
    expect(w.temperatureStd).toBe(2);
    // Training windows start at 0, 1, 2 (start + 3 + 2 <= 7); the first one's target is row 0 + 3 + 2 - 1 = 4.
    expect(w.train.x.shape).toEqual([3, 3, 2]);
    expect(Array.from(w.train.y.data)).toEqual([0.5, 1, 1.5]);
    expect(w.train.x.data[1]).toBe(-1.5);
    // One validation window (start 7), target row 11.
    expect(w.validation.x.shape).toEqual([1, 3, 2]);
    expect(w.validation.y.data[0]).toBe(4);
  });

  it('measures the common-sense baseline on the validation windows', () => {
    const w = jenaWindows(subset, { lookback: 2, delay: 1, trainEnd: 6, trainStride: 1 });
    // Validation windows start at 6 and 8 (stride 2); target = last temperature + 1 row, so the error is 1 row.
    expect(w.validation.x.shape).toEqual([2, 2, 2]);
    expect(w.baselineMae).toBeCloseTo(1 / w.temperatureStd, 6);
  });

  it('refuses a split too short for one window', () => {
    expect(() => jenaWindows(subset, { lookback: 3, delay: 2, trainEnd: 8, trainStride: 1 })).toThrow(
      'jenaWindows: the validation rows must hold at least one window of lookback + delay = 5 rows. Received: 4 rows.',
    );
  });

  it('refuses a subset without a temperature column', () => {
    expect(() =>
      jenaWindows(
        { ...subset, columns: ['p (mbar)', 'rh (%)'] },
        { lookback: 2, delay: 1, trainEnd: 6, trainStride: 1 },
      ),
    ).toThrow('jenaWindows: subset.columns must hold "T (degC)".');
  });
});
