import * as tf from '@tensorflow/tfjs-core';
import { type CallArgs, Layer, type LayerConfig, type LayerOptions } from '../layer';
import type { Shape } from '../shape';

/**
 * Keras' `Flatten`: `[batch, d1, d2, ...]` → `[batch, d1 · d2 · ...]`. Drops masks.
 *
 * @example
 * new Flatten().computeOutputShape([null, 20, 8]); // → [null, 160]
 */
export class Flatten extends Layer {
  static override readonly className = 'Flatten';

  computeOutputShape(inputShape: Shape): Shape {
    const rest = inputShape.slice(1);
    if (rest.some((d) => d === null)) {
      throw new RangeError(
        `Flatten "${this.name}": input shape must be fully known except the batch axis. Received: input shape=[${inputShape.map(String).join(', ')}]. To fix this, pass inputLength to the Embedding before it.`,
      );
    }
    return [inputShape[0], (rest as number[]).reduce((a, b) => a * b, 1)];
  }

  call(inputs: tf.Tensor, _args: CallArgs = {}): tf.Tensor {
    return tf.reshape(inputs, [inputs.shape[0], -1]);
  }

  static fromConfig(config: LayerConfig): Flatten {
    return new Flatten(config as LayerOptions);
  }
}
