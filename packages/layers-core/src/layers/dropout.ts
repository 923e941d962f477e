import * as tf from '@tensorflow/tfjs-core';
import { assertInRange } from '@tensorseq/utils';
import { type CallArgs, Layer, type LayerConfig, type LayerOptions } from '../layer';
import type { Shape } from '../shape';

/** Options of {@link Dropout}. */
export interface DropoutOptions extends LayerOptions {
  /** Fraction of the inputs to drop, in [0, 1). */
  rate: number;
  /** Shape of the binary mask (broadcast against the input), e.g. `[null, 1, features]`. */
  noiseShape?: Shape;
}

/**
 * Keras' `Dropout`: during training, zeroes a random `rate` of the inputs and scales the rest by
 * `1 / (1 - rate)`; the identity at inference. Masks come from the layer's seed stream, so a seeded run
 * is reproducible.
 *
 * @example
 * const drop = new Dropout({ rate: 0.5, seed: 1 });
 * drop.apply(tf.ones([2, 4]), { training: true }); // → entries 0 or 2
 */
export class Dropout extends Layer {
  static override readonly className = 'Dropout';
  readonly rate: number;
  readonly noiseShape: Shape | undefined;

  constructor(options: DropoutOptions) {
    super(options);
    assertInRange('Dropout', 'rate', options?.rate, { min: 0, max: 1, maxInclusive: false });
    this.rate = options.rate;
    this.noiseShape = options.noiseShape;
    this.supportsMasking = true;
  }

  computeOutputShape(inputShape: Shape): Shape {
    return inputShape;
  }

  call(inputs: tf.Tensor, args: CallArgs = {}): tf.Tensor {
    if (!args.training || this.rate === 0) return inputs;
    const noiseShape = this.noiseShape?.map((d, i) => d ?? inputs.shape[i]);
    return tf.dropout(inputs, this.rate, noiseShape, this.seeds.nextSeed());
  }

  override getConfig(): LayerConfig {
    return {
      ...super.getConfig(),
      rate: this.rate,
      ...(this.noiseShape ? { noiseShape: this.noiseShape } : {}),
    };
  }

  static fromConfig(config: LayerConfig): Dropout {
    return new Dropout(config as unknown as DropoutOptions);
  }
}
