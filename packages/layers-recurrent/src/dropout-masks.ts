import * as tf from '@tensorflow/tfjs-core';
import type { SeedStream } from '@tensorseq/layers-core';

/** The dropout masks of one sequence; each is `null` when that dropout is off. The caller disposes them. */
export interface SequenceDropoutMasks {
  /** `[batch, features]`, values 0 or `1 / (1 - dropout)`, multiplies x_t at every step. */
  input: tf.Tensor2D | null;
  /** `[batch, units]`, values 0 or `1 / (1 - recurrentDropout)`, multiplies h_{t-1} at every step. */
  recurrent: tf.Tensor2D | null;
}

/**
 * Draws a cell's dropout masks, once per sequence, from the cell's seed stream (Keras 3 semantics: one
 * input mask and one recurrent mask shared by all gates and fixed across timesteps, only in training).
 * Keras 2 drew a separate mask per gate; with one mask per sequence the fused kernels stay gate-agnostic,
 * and the expected scale and the "same units dropped at every step" property are identical.
 *
 * @example
 * const masks = new DropoutMasks(0.2, 0.5, new SeedStream(1));
 * const { input, recurrent } = masks.draw({ batch: 2, features: 3, units: 4, training: true });
 * // input: [2, 3] of 0 / 1.25; recurrent: [2, 4] of 0 / 2
 */
export class DropoutMasks {
  constructor(
    /** Fraction of input features dropped. */
    readonly rate: number,
    /** Fraction of recurrent units dropped. */
    readonly recurrentRate: number,
    private readonly seeds: SeedStream,
  ) {}

  /** New masks for one sequence; both `null` outside training or when the rates are 0. */
  draw(shape: { batch: number; features: number; units: number; training: boolean }): SequenceDropoutMasks {
    const { batch, features, units, training } = shape;
    return {
      input: training && this.rate > 0 ? dropoutMask([batch, features], this.rate, this.seeds) : null,
      recurrent:
        training && this.recurrentRate > 0
          ? dropoutMask([batch, units], this.recurrentRate, this.seeds)
          : null,
    };
  }
}

/**
 * Inverted dropout on a tensor of ones: keep with probability `1 - rate`, scale kept entries. The same
 * values as `mul(cast(greaterEqual(u, rate), 'float32'), 1 / (1 - rate))` in float32, written in one
 * host loop: those three generic broadcasting kernels took about 0.2 ms per [128, 32] mask.
 */
function dropoutMask(shape: [number, number], rate: number, seeds: SeedStream): tf.Tensor2D {
  const u = tf.randomUniform(shape, 0, 1, 'float32', seeds.nextSeed());
  const draws = u.dataSync();
  u.dispose();
  // The float32 values the tensor ops compared and multiplied with.
  const threshold = Math.fround(rate);
  const scale = Math.fround(1 / (1 - rate));
  const mask = new Float32Array(draws.length);
  for (let i = 0; i < draws.length; i++) mask[i] = draws[i] >= threshold ? scale : 0;
  return tf.tensor2d(mask, shape, 'float32');
}
