import './helpers/setup';
import * as tf from '@tensorflow/tfjs-core';
import { SeedStream } from '@tensorseq/layers-core';
import { describe, expect, it } from 'vitest';
import { DropoutMasks, SimpleRNN } from '../src/index';
import { KERNEL_PATHS, usePath } from './helpers/paths';

/** A linear SimpleRNN whose output is x_t (input dropout probe) or h_{t-1} (recurrent dropout probe). */
function probe(kind: 'input' | 'recurrent', units: number, useFusedKernel: boolean, seed: number): SimpleRNN {
  const layer = new SimpleRNN({
    units,
    activation: 'linear',
    useBias: false,
    returnSequences: true,
    dropout: kind === 'input' ? 0.25 : 0,
    recurrentDropout: kind === 'recurrent' ? 0.5 : 0,
    useFusedKernel,
    seed,
  });
  layer.build([null, 6, units]);
  const eye = tf.eye(units);
  const zeros = tf.zeros([units, units]);
  layer.setWeights(kind === 'input' ? [eye, zeros] : [zeros, eye]);
  tf.dispose([eye, zeros]);
  return layer;
}

describe('DropoutMasks', () => {
  it('draws nothing outside training or at rate 0', () => {
    const masks = new DropoutMasks(0.5, 0, new SeedStream(1));
    expect(masks.draw({ batch: 2, features: 3, units: 4, training: false })).toEqual({
      input: null,
      recurrent: null,
    });
    const { input, recurrent } = masks.draw({ batch: 2, features: 3, units: 4, training: true });
    expect(input?.shape).toEqual([2, 3]);
    expect(recurrent).toBeNull();
    input?.dispose();
  });

  it.each([0.1, 0.2, 0.5, 1 / 3])(
    'draws the seeded uniform values thresholded and scaled in float32 (rate %d)',
    (rate) => {
      const { input, recurrent } = new DropoutMasks(rate, rate, new SeedStream(7)).draw({
        batch: 16,
        features: 32,
        units: 8,
        training: true,
      });
      // The masks as the tensor ops compute them, from the same seeds in the same order.
      const seeds = new SeedStream(7);
      const expected = [[16, 32] as [number, number], [16, 8] as [number, number]].map((shape) =>
        tf.tidy(() => {
          const u = tf.randomUniform(shape, 0, 1, 'float32', seeds.nextSeed());
          return Array.from(tf.mul(tf.cast(tf.greaterEqual(u, rate), 'float32'), 1 / (1 - rate)).dataSync());
        }),
      );
      expect(Array.from(input?.dataSync() ?? [])).toEqual(expected[0]);
      expect(Array.from(recurrent?.dataSync() ?? [])).toEqual(expected[1]);
      tf.dispose([input, recurrent].filter((t): t is tf.Tensor2D => t !== null));
    },
  );
});

describe.each(KERNEL_PATHS)('dropout on the $name path', (path) => {
  it('input dropout: one mask per sequence, fixed across time, scaled by 1/(1-rate)', () => {
    usePath(path);
    const layer = probe('input', 64, path.useFusedKernel, 11);
    const y = tf.tidy(() => layer.apply(tf.ones([32, 6, 64]), { training: true }) as tf.Tensor);
    const v = y.arraySync() as number[][][];
    const values = new Set(v.flat(2).map((a) => Math.round(a * 1e5) / 1e5));
    expect([...values].sort()).toEqual([0, 1.33333]);
    // every timestep repeats the first one's mask
    for (const row of v) for (const step of row) expect(step).toEqual(row[0]);
    const keptFraction = v.flatMap((row) => row[0]).filter((a) => a > 0).length / (32 * 64);
    expect(keptFraction).toBeGreaterThan(0.7); // 0.75 expected; 2,048 draws: sd ≈ 0.0096
    expect(keptFraction).toBeLessThan(0.8);
    y.dispose();
    layer.dispose();
  });

  it('recurrent dropout: one mask per sequence (a dropped unit stays dropped), off at inference', () => {
    usePath(path);
    const units = 64;
    const layer = new SimpleRNN({
      units,
      activation: 'linear',
      useBias: false,
      recurrentDropout: 0.5,
      stateful: true,
      batchInputShape: [32, 6, units],
      useFusedKernel: path.useFusedKernel,
      seed: 13,
    });
    layer.build([32, 6, units]);
    const [zeros, eye, ones, x] = [
      tf.zeros([units, units]),
      tf.eye(units),
      tf.ones([32, units]),
      tf.ones([32, 6, units]),
    ];
    layer.setWeights([zeros, eye]);
    // h_t = (h_{t-1} * mask) @ I from h_0 = 1: with ONE mask per sequence, h_6 is 2^6 = 64 on the kept
    // units and 0 on the dropped ones (a fresh mask per step would leave almost every unit at 0).
    layer.resetStates([ones]);
    const trained = tf.tidy(() => Array.from((layer.apply(x, { training: true }) as tf.Tensor).dataSync()));
    expect(new Set(trained)).toEqual(new Set([0, 64]));
    const kept = trained.filter((v) => v === 64).length / trained.length;
    expect(kept).toBeGreaterThan(0.45); // 0.5 expected; 2,048 draws: sd ≈ 0.011
    expect(kept).toBeLessThan(0.55);
    layer.resetStates([ones]);
    const inference = tf.tidy(() =>
      Array.from((layer.apply(x, { training: false }) as tf.Tensor).dataSync()),
    );
    expect(new Set(inference)).toEqual(new Set([1]));
    tf.dispose([zeros, eye, ones, x]);
    layer.dispose();
  });

  it('is reproducible under a seed and differs across seeds', () => {
    usePath(path);
    const run = (seed: number) => {
      const layer = probe('input', 16, path.useFusedKernel, seed);
      const out = tf.tidy(() =>
        (layer.apply(tf.ones([4, 6, 16]), { training: true }) as tf.Tensor).arraySync(),
      );
      layer.dispose();
      return out;
    };
    expect(run(5)).toEqual(run(5));
    expect(run(5)).not.toEqual(run(6));
  });
});
