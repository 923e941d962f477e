import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import {
  computeFans,
  initializerNames,
  resolveInitializer,
  SeedStream,
  serializeInitializer,
} from '../src/index';
import './helpers';

function stats(t: tf.Tensor) {
  const d = Array.from(t.dataSync());
  const mean = d.reduce((a, b) => a + b, 0) / d.length;
  const std = Math.sqrt(d.reduce((a, b) => a + (b - mean) ** 2, 0) / d.length);
  return { mean, std, min: Math.min(...d), max: Math.max(...d) };
}

describe('initializers', () => {
  it.each([
    ['glorotUniform', [200, 300], Math.sqrt(2 / 500)],
    ['glorotNormal', [200, 300], Math.sqrt(2 / 500)],
    ['heUniform', [200, 300], Math.sqrt(2 / 200)],
    ['heNormal', [200, 300], Math.sqrt(2 / 200)],
    ['lecunUniform', [200, 300], Math.sqrt(1 / 200)],
    ['lecunNormal', [200, 300], Math.sqrt(1 / 200)],
  ] as const)('%s has the Keras variance', (name, shape, expectedStd) => {
    const t = resolveInitializer(name).apply([...shape], new SeedStream(3));
    const s = stats(t);
    expect(Math.abs(s.mean)).toBeLessThan(expectedStd * 0.05);
    expect(s.std / expectedStd).toBeGreaterThan(0.95);
    expect(s.std / expectedStd).toBeLessThan(1.05);
    if (name.endsWith('Uniform')) expect(s.max).toBeLessThanOrEqual(expectedStd * Math.sqrt(3) + 1e-6);
    t.dispose();
  });

  it.each([
    [4, 4],
    [6, 3],
    [3, 6],
    [2, 3, 5],
  ])('orthogonal gives orthonormal rows or columns for shape [%i, %i]', (...shape) => {
    const t = resolveInitializer({ className: 'Orthogonal', config: { gain: 2 } }).apply(
      shape,
      new SeedStream(1),
    );
    const cols = shape[shape.length - 1];
    const m = tf.reshape(t, [-1, cols]);
    const [r, c] = m.shape;
    // Tall: QᵀQ = gain²·I; wide: QQᵀ = gain²·I.
    const gram = r >= c ? tf.matMul(m, m, true, false) : tf.matMul(m, m, false, true);
    const n = Math.min(r, c);
    const expected = tf.mul(tf.eye(n), 4);
    expect(tf.max(tf.abs(tf.sub(gram, expected))).dataSync()[0]).toBeLessThan(1e-5);
    tf.dispose([t, m, gram, expected]);
  });

  it('gives identical draws for identical seeds', () => {
    const a = resolveInitializer('glorotUniform').apply([5, 5], new SeedStream(7));
    const b = resolveInitializer('glorotUniform').apply([5, 5], new SeedStream(7));
    expect(Array.from(a.dataSync())).toEqual(Array.from(b.dataSync()));
    tf.dispose([a, b]);
  });

  it('builds the deterministic ones from names or saved configs', () => {
    const cases: [string | { className: string; config: Record<string, unknown> }, number[]][] = [
      ['zeros', [0, 0]],
      ['ones', [1, 1]],
      [{ className: 'Constant', config: { value: 0.5 } }, [0.5, 0.5]],
    ];
    for (const [id, expected] of cases) {
      const t = resolveInitializer(id).apply([2]);
      expect(Array.from(t.dataSync())).toEqual(expected);
      t.dispose();
    }
    const eye = resolveInitializer({ className: 'Identity', config: { gain: 3 } }).apply([2, 3]);
    expect(eye.arraySync()).toEqual([
      [3, 0, 0],
      [0, 3, 0],
    ]);
    eye.dispose();
  });

  it('keeps uniform, normal and truncated normal in their ranges', () => {
    const u = resolveInitializer('randomUniform').apply([1000], new SeedStream(2));
    expect(stats(u).max).toBeLessThanOrEqual(0.05);
    expect(stats(u).min).toBeGreaterThanOrEqual(-0.05);
    const t = resolveInitializer('truncatedNormal').apply([1000], new SeedStream(2));
    expect(Math.max(Math.abs(stats(t).max), Math.abs(stats(t).min))).toBeLessThanOrEqual(0.1 + 1e-6);
    const n = resolveInitializer({ className: 'RandomNormal', config: { stddev: 1 } }).apply(
      [4000],
      new SeedStream(2),
    );
    expect(Math.abs(stats(n).std - 1)).toBeLessThan(0.05);
    tf.dispose([u, t, n]);
  });

  it('round-trips through its saved form and rejects unknown names', () => {
    const init = resolveInitializer({ className: 'RandomUniform', config: { minval: -1, maxval: 2 } });
    expect(serializeInitializer(init)).toEqual({
      className: 'RandomUniform',
      config: { minval: -1, maxval: 2 },
    });
    expect(resolveInitializer('glorot_uniform').className).toBe('GlorotUniform');
    expect(initializerNames).toContain('orthogonal');
    expect(() => resolveInitializer('nope', 'Dense')).toThrow(
      /^Dense: initializer must be one of zeros, ones, .*\. Received: initializer="nope"\.$/,
    );
  });

  it('computes Keras fans', () => {
    expect(computeFans([3, 4])).toEqual({ fanIn: 3, fanOut: 4 });
    expect(computeFans([5, 3, 4])).toEqual({ fanIn: 15, fanOut: 20 });
  });
});
