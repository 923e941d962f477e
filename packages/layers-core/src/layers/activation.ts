import type * as tf from '@tensorflow/tfjs-core';
import { type ActivationFunction, resolveActivation } from '../activations';
import { type CallArgs, Layer, type LayerConfig, type LayerOptions } from '../layer';
import type { Shape } from '../shape';

/** Options of {@link Activation}. */
export interface ActivationOptions extends LayerOptions {
  /** Activation name (`'relu'`, `'softmax'`...). */
  activation: string;
}

/**
 * Keras' `Activation` layer: applies an activation function elementwise. Passes masks through.
 *
 * @example
 * new Activation({ activation: 'relu' }).apply(tf.tensor2d([[-1, 2]])); // → [[0, 2]]
 */
export class Activation extends Layer {
  static override readonly className = 'Activation';
  readonly activation: ActivationFunction;

  constructor(options: ActivationOptions) {
    super(options);
    this.activation = resolveActivation(options?.activation, 'Activation');
    this.supportsMasking = true;
  }

  computeOutputShape(inputShape: Shape): Shape {
    return inputShape;
  }

  call(inputs: tf.Tensor, _args: CallArgs = {}): tf.Tensor {
    return this.activation.apply(inputs);
  }

  override getConfig(): LayerConfig {
    return { ...super.getConfig(), activation: this.activation.name };
  }

  static fromConfig(config: LayerConfig): Activation {
    return new Activation(config as unknown as ActivationOptions);
  }
}
